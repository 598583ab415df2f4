using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Tests.Dispatch;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Tcx;

/// <summary>Every real TCX file in tests/fixtures.</summary>
public class TcxFixtureTests
{
    // file, sport, start (UTC), records kept (trackpoints less those merged as repeats of the time before or dropped
    // as a few seconds out of order), laps, device distance (m)
    public static TheoryData<string, Sport, string, int, int, double> Readable => new()
    {
        { "GoldenCheetah__GoldenCheetah__test__rides__2008_12_28_08_13_27.tcx", Sport.Cycling, "2008-12-28T16:13:26Z", 6643, 3, 161301.8 },
        { "GoldenCheetah__GoldenCheetah__test__rides__2009_08_30_21_17_25.tcx", Sport.Cycling, "2009-08-31T01:17:26Z", 4111, 1, 18660.5 },
        { "GoldenCheetah__GoldenCheetah__test__rides__2009_09_19_09_22_42.tcx", Sport.Cycling, "2009-09-19T13:22:43Z", 1863, 1, 50970.9 },
        { "GoldenCheetah__GoldenCheetah__test__rides__activity_165850259_multi-session.tcx", Sport.Multisport, "2011-11-29T12:12:00Z", 1893, 4, 17056.1 },
        { "sports-alliance__sports-lib__samples__tcx__movescount.tcx", Sport.Running, "2018-02-23T16:55:43Z", 903, 2, 1999.0 },
        { "sports-alliance__sports-lib__samples__tcx__unknown_example.tcx", Sport.Running, "2017-05-09T18:14:32Z", 745, 32, 5729.0 },
        { "sports-alliance__sports-lib__src__specs__fixtures__rides__tcx__6791039036.tcx", Sport.Cycling, "2019-08-11T12:52:20Z", 2547, 1, 42220.9 },
        { "sports-alliance__sports-lib__src__specs__fixtures__rides__tcx__6823905801.tcx", Sport.Cycling, "2015-11-30T17:14:38Z", 3806, 1, 32227.5 },
        { "sports-alliance__sports-lib__src__specs__fixtures__runs__tcx__1604524853.tcx", Sport.Running, "2016-09-11T15:57:36Z", 1495, 1, 6106.6 },
        { "sports-alliance__sports-lib__src__specs__fixtures__runs__tcx__6281425038.tcx", Sport.Running, "2016-09-12T11:19:56Z", 1545, 5, 4156.7 },
        { "sports-alliance__sports-lib__src__specs__fixtures__runs__tcx__6860622783.tcx", Sport.Running, "2020-02-02T11:19:33Z", 3101, 1, 10630.4 },
        { "sports-alliance__sports-lib__src__specs__fixtures__swim__tcx__6688025408.tcx", Sport.Other, "2020-10-23T11:11:04Z", 3964, 36, 2300.0 },
        { "vkurup__python-tcxparser__tests__files__sup_activity_1.tcx", Sport.Other, "2022-07-16T16:08:25Z", 111, 2, 1157.5 },
        { "vkurup__python-tcxparser__tests__files__test.tcx", Sport.Running, "2012-12-26T21:29:53Z", 384, 3, 4689.2 },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Read_RealTcx_GivesSportStartRecordsLapsAndDistance(string file, Sport sport, string start, int records, int laps, double meters)
    {
        var result = TestFiles.ReadFixture("tcx", file);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        var a = result.Activity!;
        Assert.Equal(ActivityFormat.Tcx, a.Format);
        Assert.Equal(sport, a.Sport);
        Assert.Equal(DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), a.StartTime);
        Assert.Equal(records, a.Records.Count);
        Assert.Equal(laps, a.Laps.Count);
        Assert.Equal(meters, a.DeviceDistanceMeters!.Value, 0.1);
        Assert.Equal(meters, ActivityMetrics.Summarise(a).DistanceMeters, 0.1);
        Assert.NotEmpty(a.Sessions);
    }

    [Fact]
    public void EveryTcxFixture_IsCoveredByTheTheory()
    {
        var covered = Readable.Select(row => row.Data.Item1).ToHashSet();

        var uncovered = Fixtures.Files("tcx").Select(Path.GetFileName).Where(f => !covered.Contains(f!)).ToList();

        Assert.Empty(uncovered);
    }

    [Fact]
    public void Read_MultisportTcx_GivesOneSessionPerActivityWithCumulativeDistance()
    {
        var a = TestFiles.ReadFixture("tcx", "GoldenCheetah__GoldenCheetah__test__rides__activity_165850259_multi-session.tcx").Activity!;

        Assert.Equal([Sport.Running, Sport.Cycling, Sport.Running, Sport.Cycling], a.Sessions.Select(s => s.Sport));
        Assert.Equal(7651.03, a.Sessions[0].DistanceMeters!.Value, 0.01);
        Assert.Equal(161, a.Sessions[0].AverageHeartRate);
        Assert.Equal(180, a.Sessions[0].MaxHeartRate);
        Assert.Equal(a.Sessions.Sum(s => s.DistanceMeters!.Value), a.DeviceDistanceMeters!.Value, 0.01);

        // Each activity's trackpoint distance restarts at 0 in the file; the stream stays cumulative (the device's
        // own distance wobbles back by a few metres now and then, which is kept as recorded).
        var distances = a.Records.Select(r => r.DistanceMeters).Where(double.IsFinite).ToList();
        Assert.All(distances.Skip(1).Zip(distances), p => Assert.True(p.First >= p.Second - 10));
        Assert.Equal(a.DeviceDistanceMeters!.Value, distances[^1], 50.0);
    }

    [Fact]
    public void Read_TcxWithBlankBeforeDeclaration_IsReadWithAWarning()
    {
        const string file = "sports-alliance__sports-lib__src__specs__fixtures__runs__tcx__6281425038.tcx";

        var result = TestFiles.ReadFixture("tcx", file);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        Assert.Contains($"{file}: blank space before the <?xml?> declaration (not allowed in XML); ignored it", result.Warnings);
    }

    [Fact]
    public void Read_TreadmillTcx_HasHeartRateButNoPositions()
    {
        var a = TestFiles.ReadFixture("tcx", "sports-alliance__sports-lib__src__specs__fixtures__runs__tcx__6860622783.tcx").Activity!;
        var summary = ActivityMetrics.Summarise(a);

        Assert.DoesNotContain(a.Records, r => r.HasPosition);
        Assert.Null(summary.AscentMeters);
        Assert.Equal(DistanceSource.Device, summary.DistanceSource);
        Assert.InRange(summary.AverageHeartRate!.Value, 100, 190);
    }
}
