using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Tests.Dispatch;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Gpx;

/// <summary>Every real GPX file in tests/fixtures, with what a runner would see after importing it.</summary>
public class GpxFixtureTests
{
    // file, sport, start (UTC, "" when the file has none), records kept, min km, max km
    public static TheoryData<string, Sport, string, int, double, double> Readable => new()
    {
        { "GoldenCheetah__GoldenCheetah__test__rides__1292585194-20906.gpx", Sport.Unknown, "2010-03-21T21:55:01Z", 5935, 39, 42 },
        { "GoldenCheetah__GoldenCheetah__test__rides__A_ride_mapped_on_11_22_2011.gpx", Sport.Unknown, "", 9722, 90, 100 },
        { "GoldenCheetah__GoldenCheetah__test__rides__Move_2014_01_16_19_48_44.gpx", Sport.Unknown, "2014-01-16T18:48:44.34Z", 669, 8, 9 },
        { "sports-alliance__sports-lib__samples__gpx__garmin.gpx", Sport.Running, "2018-04-23T15:54:34Z", 217, 3.5, 4.2 },
        { "sports-alliance__sports-lib__samples__gpx__movescount.gpx", Sport.Unknown, "2018-05-13T14:11:03Z", 1592, 11.5, 13 },
        { "sports-alliance__sports-lib__samples__gpx__strava.gpx", Sport.Unknown, "2018-05-14T14:54:21Z", 7264, 20, 22 },
        { "sports-alliance__sports-lib__src__specs__fixtures__rides__gpx__4108490848.gpx", Sport.Cycling, "2019-09-29T13:58:25Z", 1817, 48, 52 },
        { "sports-alliance__sports-lib__src__specs__fixtures__rides__gpx__7555261629.gpx", Sport.Cycling, "2021-09-05T10:47:21Z", 10063, 68, 72 },
        { "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__1681613317.gpx", Sport.Running, "2017-03-19T16:49:30Z", 1038, 4.3, 4.9 },
        { "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__2067489619.gpx", Sport.Running, "2017-10-08T14:54:11Z", 502, 4.1, 4.7 },
        { "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__6037744996.gpx", Sport.Running, "2020-12-25T20:40:26Z", 4040, 4.8, 5.4 },
        { "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__6909258631.gpx", Sport.Unknown, "2014-09-07T08:03:31Z", 2665, 39, 42 },
        { "sports-alliance__sports-lib__src__specs__fixtures__swim__gpx__4623204522-1.gpx", Sport.Swimming, "2018-10-13T17:05:01Z", 88, 3.5, 4.2 },
        { "tkrajina__gpxgo__test_files__file.gpx", Sport.Unknown, "2012-03-17T12:46:19Z", 4, 0.03, 0.1 },
        { "tkrajina__gpxgo__test_files__gpx-without-xml-declaration.gpx", Sport.Unknown, "2010-12-14T06:17:04Z", 1, 0, 0 },
        { "tkrajina__gpxgo__test_files__gpx1.1_with_all_fields.gpx", Sport.Other, "2013-01-01T12:00:04Z", 1, 0, 0 },
        { "tkrajina__gpxgo__test_files__graphhopper.gpx.gz", Sport.Unknown, "2022-02-13T21:11:36Z", 171, 7, 7.7 },
        { "tkrajina__gpxgo__test_files__Mojstrovka.gpx", Sport.Unknown, "2010-12-14T06:17:04Z", 184, 2.5, 2.9 },
        { "tkrajina__gpxpy__test_files__Mojstrovka.gpx", Sport.Unknown, "2010-12-14T06:17:04Z", 184, 2.5, 2.9 },
        { "tkrajina__gpxpy__test_files__around-visnjan-with-car.gpx", Sport.Unknown, "2020-12-18T06:15:50Z", 104, 2.5, 3 },
        { "tkrajina__gpxpy__test_files__cerknicko-jezero-without-elevations.gpx", Sport.Unknown, "2010-08-05T14:23:59Z", 295, 4.4, 4.7 },
        { "tkrajina__gpxpy__test_files__cerknicko-jezero.gpx", Sport.Unknown, "2010-08-05T14:23:59Z", 296, 4.4, 4.7 },
        { "tkrajina__gpxpy__test_files__gpx-with-node-with-comments.gpx", Sport.Unknown, "2014-05-06T12:29:33Z", 1, 0, 0 },
        { "tkrajina__gpxpy__test_files__gpx1.0_with_all_fields.gpx", Sport.Unknown, "2013-01-01T12:00:04Z", 1, 0, 0 },
        { "tkrajina__gpxpy__test_files__gpx1.1_with_all_fields.gpx", Sport.Other, "2013-01-01T12:00:04Z", 1, 0, 0 },
        { "tkrajina__gpxpy__test_files__korita-zbevnica.gpx", Sport.Other, "2010-10-03T09:36:30Z", 513, 6, 6.5 },
        { "tkrajina__gpxpy__test_files__route.gpx", Sport.Unknown, "", 55, 6, 7.5 },
        { "tkrajina__gpxpy__test_files__track-with-empty-segment.gpx", Sport.Unknown, "2013-07-06T17:26:26Z", 9, 0.05, 0.12 },
        { "tkrajina__gpxpy__test_files__track-with-extremes.gpx", Sport.Unknown, "2011-07-05T04:11:41Z", 25, 2, 2.4 },
        { "tkrajina__gpxpy__test_files__track-with-small-floats.gpx", Sport.Unknown, "", 3, 9, 10 },
        { "tkrajina__gpxpy__test_files__track_with_speed.gpx", Sport.Unknown, "2009-03-02T14:05:52Z", 3, 0.01, 0.03 },
    };

    // file, what the error must say
    public static TheoryData<string, string> Unreadable => new()
    {
        { "GoldenCheetah__GoldenCheetah__test__rides__MetadataOnly.gpx", "no track or route points" },
        { "tkrajina__gpxgo__test_files__iso8859-1encoded.gpx", "only waypoints (8)" },
        { "tkrajina__gpxpy__test_files__custom_schema_locations.gpx", "no track or route points" },
        { "tkrajina__gpxpy__test_files__gpx1.1_with_extensions.gpx", "only waypoints (1)" },
        { "tkrajina__gpxpy__test_files__gpx_with_garmin_extension.gpx", "only waypoints (1)" },
        { "tkrajina__gpxpy__test_files__unicode.gpx", "only waypoints (6)" },
        { "tkrajina__gpxpy__test_files__unicode_with_bom.gpx", "only waypoints (1)" },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Read_RealGpx_GivesSportStartRecordsAndDistance(string file, Sport sport, string start, int records, double minKm, double maxKm)
    {
        var result = TestFiles.ReadFixture("gpx", file);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        var activity = Assert.IsType<Activity>(result.Activity);
        Assert.Equal(ActivityFormat.Gpx, activity.Format);
        Assert.Equal(sport, activity.Sport);
        Assert.Equal(DateTimeKind.Utc, activity.StartTime.Kind);
        if (start.Length > 0)
        {
            Assert.Equal(DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), activity.StartTime);
        }
        else
        {
            Assert.Contains(result.Warnings, w => w.Contains("no times", StringComparison.Ordinal));
        }

        Assert.Equal(records, activity.Records.Count);
        var km = ActivityMetrics.Summarise(activity).DistanceMeters / 1000;
        Assert.InRange(km, minKm, maxKm);
        Assert.Matches("^[0-9a-f]{64}$", result.ContentHash!);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Read_GpxWithNothingToImport_FailsSayingWhy(string file, string expected)
    {
        var result = TestFiles.ReadFixture("gpx", file);

        Assert.Equal(ActivityFileStatus.Failed, result.Status);
        Assert.Null(result.Activity);
        Assert.StartsWith(file + ": ", result.Error);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGpxFixture_IsCoveredByATheory()
    {
        var covered = Readable.Select(row => row.Data.Item1).Concat(Unreadable.Select(row => row.Data.Item1)).ToHashSet();

        var uncovered = Fixtures.Files("gpx").Select(Path.GetFileName).Where(f => !covered.Contains(f!)).ToList();

        Assert.Empty(uncovered);
    }

    [Fact]
    public void Read_GarminConnectGpx_TakesHeartRateAndCadenceFromTrackPointExtension()
    {
        var activity = TestFiles.ReadFixture("gpx", "sports-alliance__sports-lib__samples__gpx__garmin.gpx").Activity!;

        Assert.All(activity.Records, r => Assert.InRange(r.HeartRate, 40, 220));
        Assert.Contains(activity.Records, r => r.Cadence > 0);
    }

    [Fact]
    public void Read_GpxWithUndeclaredPrefix_IsReadWithAWarning()
    {
        const string file = "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__6037744996.gpx";
        var result = TestFiles.ReadFixture("gpx", file);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        Assert.Contains(result.Warnings, w => w.StartsWith(file, StringComparison.Ordinal) && w.Contains("'gpxdata:' without declaring it", StringComparison.Ordinal));
        Assert.Equal(43, result.Activity!.Records[0].Cadence);
        Assert.Equal(1299, result.Activity.Records[0].AltitudeMeters);
    }

    [Fact]
    public void Read_GpxWithPlaceholderTimes_IgnoresThemAndUsesTheFileTime()
    {
        var result = TestFiles.ReadFixture("gpx", "tkrajina__gpxpy__test_files__Mojstrovka.gpx");

        Assert.Contains(result.Warnings, w => w.Contains("before GPS existed", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2010, 12, 14, 6, 17, 4, DateTimeKind.Utc), result.Activity!.StartTime);
        Assert.InRange(ActivityMetrics.Summarise(result.Activity).AscentMeters!.Value, 400, 500);
    }

    [Fact]
    public void Read_GpxWithSomeTimesMissing_EstimatesThemInOrder()
    {
        var result = TestFiles.ReadFixture("gpx", "tkrajina__gpxgo__test_files__graphhopper.gpx.gz");
        var records = result.Activity!.Records;

        Assert.Contains(result.Warnings, w => w.Contains("had no time; estimated", StringComparison.Ordinal));
        Assert.All(records.Skip(1).Zip(records), pair => Assert.True(pair.First.Time >= pair.Second.Time));
        Assert.Contains(result.Warnings, w => w.Contains("route (a planned course); ignored it", StringComparison.Ordinal));
    }
}
