using System.Text.RegularExpressions;
using RunStrong.ActivityFiles.Tests.Dispatch;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Units;

namespace RunStrong.ActivityFiles.Tests.Numbers;

/// <summary>The real files behind issue 14's report, each with what a runner now sees (tests/fixtures/SOURCES.md).</summary>
public partial class IssueCasesTests
{
    private const string TrailRun = "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6910052863.fit";
    private const string EightTracks = "tkrajina__gpxpy__test_files__cerknicko-jezero.gpx";
    private const string LongStop = "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__6037744996.gpx";
    private const string NoTimes = "GoldenCheetah__GoldenCheetah__test__rides__A_ride_mapped_on_11_22_2011.gpx";
    private const string Truncated = "dtcooper__python-fitparse__tests__files__activity-unexpected-eof.fit";
    private const string ReversedPoints = "GoldenCheetah__GoldenCheetah__test__rides__2008_12_28_08_13_27.tcx";
    private const string GarminGpx = "sports-alliance__sports-lib__samples__gpx__garmin.gpx";

    private static ActivityAnalysis Analyse(string folder, string file) =>
        ActivityAnalysis.Of(TestFiles.ReadFixture(folder, file).Activity!);

    [Fact]
    public void TrailRunClimbing1816m_GradeAdjustedPaceStaysWithinMinettisGrades()
    {
        var summary = Analyse("fit", TrailRun).Summary;

        Assert.Equal(1816, summary.AscentMeters!.Value, 5.0);
        Assert.Equal(19 * 60 + 20, summary.AveragePaceSecondsPerKm!.Value, 2.0);
        // It was 2:05 /km. Uphill all the way at about 22 %: Minetti's cost there is about 2.7 times the flat's.
        Assert.InRange(summary.AverageGradeAdjustedPaceSecondsPerKm!.Value, 6 * 60, 8 * 60 + 30);
        Assert.Contains(summary.Notes, n => n.Code == "grade-clamped" && n.Message.Contains("steeper than ±45 %", StringComparison.Ordinal));
        Assert.True(summary.IsPlausible);
    }

    [Fact]
    public void TrailRunAtWalkingPace_OnOneLongClimb_HasNoHillSprints()
    {
        // The report's "hike with 16 hill sprints": 19:20 /km up one mountain. Faster moments on the way up are no
        // hill-sprint session (no surge at running speed, none after walking back down).
        Assert.Empty(Analyse("fit", TrailRun).Summary.HillSprints);
    }

    [Fact]
    public void AHike_NeverHasHillSprintsOrBestEfforts()
    {
        var activity = TestFiles.ReadFixture("fit", TrailRun).Activity!;
        activity.Sport = Sport.Hiking;

        var summary = ActivityAnalysis.Of(activity).Summary;

        Assert.Empty(summary.HillSprints);
        Assert.Empty(summary.BestEfforts);
    }

    [Fact]
    public void EightTrackGpx_DoesNotCountTheWayBetweenTracks()
    {
        var analysis = Analyse("gpx", EightTracks);

        // 13.7 km when the jumps between tracks counted; the tracks themselves add up to 4.6 km.
        Assert.InRange(analysis.Summary.DistanceMeters, 4400, 4700);
        var note = Assert.Single(analysis.Summary.Notes, n => n.Code == "segments-not-joined");
        Assert.Contains("9.09 km between the end of one and the start of the next was not recorded and is not counted", note.Message, StringComparison.Ordinal);
        Assert.Equal(7, analysis.Route().Count);
    }

    [Fact]
    public void RunWithALongStop_HasNoBestEffortAcrossTheStop()
    {
        var summary = Analyse("gpx", LongStop).Summary;

        // The whole 5.1 km took 67 minutes with stops of several minutes: it was a "best 5 km of 1:06:26".
        Assert.InRange(summary.DistanceMeters, 5000, 5200);
        Assert.True(summary.ElapsedSeconds - summary.MovingSeconds > 10 * 60);
        Assert.DoesNotContain(summary.BestEfforts, e => e.DistanceMeters >= 5000);
        var mile = Assert.Single(summary.BestEfforts, e => e.DistanceMeters is > 1609 and < 1610);
        Assert.True(mile.Seconds < 20 * 60, $"best mile {mile.Seconds} s");
    }

    [Fact]
    public void GpxWithoutTimes_IsDistanceAndClimbingOnly_AndSaysSo()
    {
        var result = TestFiles.ReadFixture("gpx", NoTimes);
        var activity = result.Activity!;
        var analysis = ActivityAnalysis.Of(activity);

        Assert.False(activity.TimesRecorded);
        Assert.Equal(StartTimeSource.Unknown, activity.StartTimeSource);
        Assert.Contains(result.Warnings, w => w == $"{NoTimes}: no times in this file: only distance and climbing can be worked out");
        Assert.Contains(result.Warnings, w => w.EndsWith("give the day it was recorded when importing it", StringComparison.Ordinal));
        Assert.Null(analysis.WhyNotAnActivity());
        Assert.False(analysis.Summary.HasTimes);
        Assert.InRange(analysis.Summary.DistanceMeters, 96000, 96600);
        Assert.Null(analysis.Summary.AveragePaceSecondsPerKm);
        Assert.Empty(analysis.Summary.BestEfforts);
        Assert.Contains(analysis.Summary.Notes, n => n.Code == "no-times");
        var splits = analysis.Splits(DistanceUnit.Kilometres);
        Assert.Equal(97, splits.Count);
        Assert.All(splits, s => Assert.Null(s.MovingSeconds));
    }

    [Fact]
    public void GpxDatedOnlyByItsMetadata_TakesThatDate()
    {
        var result = TestFiles.ReadFixture("gpx", "tkrajina__gpxpy__test_files__Mojstrovka.gpx");

        Assert.Equal(StartTimeSource.FileMetadata, result.Activity!.StartTimeSource);
        Assert.Equal(new DateTime(2010, 12, 14, 6, 17, 4, DateTimeKind.Utc), result.Activity.StartTime);
        Assert.Contains(result.Warnings, w => w.Contains("dated 2010-12-14 from the file's own time", StringComparison.Ordinal));
    }

    [Fact]
    public void TruncatedFit_IsRefusedAsTooShort_NotKeptAs10Metres()
    {
        var result = TestFiles.ReadFixture("fit", Truncated);

        Assert.Contains(result.Warnings, w => w.Contains("file ends at byte 768 inside a data message", StringComparison.Ordinal));
        var why = ActivityAnalysis.Of(result.Activity!).WhyNotAnActivity();
        Assert.Equal("too short to be an activity: 14 s and 6 m (RunStrong keeps activities of at least a minute or 100 m)", why);
    }

    [Fact]
    public void TcxWithPointsASecondOutOfOrder_DropsThoseAndKeepsTheFileOrder()
    {
        var result = TestFiles.ReadFixture("tcx", ReversedPoints);
        var records = result.Activity!.Records;

        Assert.Contains($"{ReversedPoints}: 10 point(s) were a few seconds out of time order (up to 10 s back); dropped them and kept the file's order", result.Warnings);
        Assert.Equal(6643, records.Count);
        Assert.All(records.Zip(records.Skip(1)), p => Assert.True(p.Second.Time > p.First.Time));
        Assert.Equal(161.3, ActivityMetrics.Summarise(result.Activity).DistanceMeters / 1000, 0.05);
    }

    [Fact]
    public void GpxWithAPointOutOfOrder_DropsIt_AndABlockOutOfOrder_KeepsFileOrderWithoutCountingTheJump()
    {
        var original = File.ReadAllText(TestSupport.Fixtures.Path("gpx", GarminGpx));
        var points = TrackPoint().Matches(original).Select(m => m.Value).ToList();
        var plain = ActivityAnalysis.Of(Read(original)).Summary;

        // The 101st point written again after the 102nd: one recording interval (6 s) back in time.
        var hiccup = original.Replace(points[101], points[101] + points[100], StringComparison.Ordinal);
        var hiccupResult = ActivityFileReader.Read("hiccup.gpx", System.Text.Encoding.UTF8.GetBytes(hiccup));
        Assert.Contains("hiccup.gpx: 1 point(s) were a few seconds out of time order (up to 10 s back); dropped them and kept the file's order", hiccupResult.Warnings);
        Assert.Equal(plain.DistanceMeters, ActivityMetrics.Summarise(hiccupResult.Activity!).DistanceMeters, 1.0);

        // The first 50 points moved to the end: the file's order is kept (not sorted back into the track), and
        // neither the way nor the time from the last point to the moved block is counted.
        var moved = points.Take(50).Aggregate(original, (text, point) => text.Replace(point, "", StringComparison.Ordinal))
            .Replace(points[^1], points[^1] + string.Concat(points.Take(50)), StringComparison.Ordinal);
        var movedResult = ActivityFileReader.Read("moved.gpx", System.Text.Encoding.UTF8.GetBytes(moved));
        var summary = ActivityMetrics.Summarise(movedResult.Activity!);
        Assert.Contains(movedResult.Warnings, w => w.StartsWith("moved.gpx: the times jump back 1 time(s)", StringComparison.Ordinal));
        Assert.Equal(points.Count, movedResult.Activity!.Records.Count);
        Assert.InRange(summary.DistanceMeters, plain.DistanceMeters * 0.9, plain.DistanceMeters);
        Assert.True(summary.ElapsedSeconds <= plain.ElapsedSeconds);
    }

    [Fact]
    public void FitSdkSample_HeartRateAbove250_IsFlaggedAndLeftOut()
    {
        var summary = Analyse("fit", "muktihari__fit__testdata__from_official_sdk__Activity.fit").Summary;

        var note = Assert.Single(summary.Notes, n => n.Code == "heart-rate-above-250");
        Assert.True(note.Implausible);
        Assert.Contains("up to 254", note.Message, StringComparison.Ordinal);
        Assert.True(summary.MaxHeartRate <= 250);
        Assert.False(summary.IsPlausible);
        Assert.Empty(summary.BestEfforts);
    }

    [Fact]
    public void FitSdkSampleWithDeveloperFields_ClimbingFasterThanTheVerticalKilometreRecord_IsFlagged()
    {
        var summary = Analyse("fit", "muktihari__fit__testdata__from_official_sdk__ActivityDevFields.fit").Summary;

        var note = Assert.Single(summary.Notes, n => n.Code == "ascent-faster-than-vertical-km-record");
        Assert.True(note.Implausible);
        Assert.Null(summary.AverageGradeAdjustedPaceSecondsPerKm);
        Assert.Empty(summary.HillSprints);
    }

    [Fact]
    public void GpxDrivenByCar_IsFasterThanTheWorldRecord_AndFlagged()
    {
        var summary = Analyse("gpx", "tkrajina__gpxpy__test_files__around-visnjan-with-car.gpx").Summary;

        var note = Assert.Single(summary.Notes, n => n.Code == "pace-faster-than-world-record");
        Assert.StartsWith("Its fastest 400 m in 0:16 (world record 0:43) is faster than anyone has run it", note.Message, StringComparison.Ordinal);
        Assert.Empty(summary.BestEfforts);
        Assert.Null(summary.AverageGradeAdjustedPaceSecondsPerKm);
    }

    [Fact]
    public void Splits_PerKilometreAndPerMile_AddUpToTheRun()
    {
        var analysis = Analyse("gpx", GarminGpx);
        var total = analysis.Summary.DistanceMeters;

        var km = analysis.Splits(DistanceUnit.Kilometres);
        var miles = analysis.Splits(DistanceUnit.Miles);

        Assert.Equal([1, 2, 3, 4], km.Select(s => s.Number));
        Assert.Equal([1000, 1000, 1000], km.Take(3).Select(s => s.DistanceMeters));
        Assert.Equal(total, km.Sum(s => s.DistanceMeters), 0.01);
        Assert.Equal(3, miles.Count);
        Assert.Equal(1609.344, miles[0].DistanceMeters, 1e-9);
        Assert.Equal(total, miles.Sum(s => s.DistanceMeters), 0.01);
        Assert.Equal(analysis.Summary.MovingSeconds, km.Sum(s => s.MovingSeconds!.Value), 2.0);
        Assert.All(km, s =>
        {
            Assert.InRange(s.PaceSecondsPerKm!.Value, 4 * 60, 8 * 60);
            Assert.InRange(s.AverageHeartRate!.Value, 90, 140);
            Assert.NotNull(s.GradeAdjustedPaceSecondsPerKm);
            Assert.NotNull(s.ElevationChangeMeters);
        });
    }

    [Fact]
    public void Laps_AreTheDevicesFromFitAndTcx_AndGpxHasNone()
    {
        var fit = Analyse("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit");
        var tcx = Analyse("tcx", "vkurup__python-tcxparser__tests__files__test.tcx");

        Assert.Equal(fit.Activity.Laps.Count, fit.Laps().Count);
        Assert.Equal(fit.Activity.Laps.Sum(l => l.DistanceMeters!.Value), fit.Laps().Sum(l => l.DistanceMeters!.Value), 0.01);
        Assert.All(fit.Laps(), l => Assert.NotNull(l.GradeAdjustedPaceSecondsPerKm));
        Assert.Equal(3, tcx.Laps().Count);
        Assert.Equal(tcx.Summary.DistanceMeters, tcx.Laps().Sum(l => l.DistanceMeters!.Value), 1.0);
        Assert.All(tcx.Laps(), l => Assert.NotNull(l.ElevationChangeMeters));
        Assert.Empty(Analyse("gpx", GarminGpx).Laps());
    }

    private static Activity Read(string gpx) => ActivityFileReader.Read("run.gpx", System.Text.Encoding.UTF8.GetBytes(gpx)).Activity!;

    [GeneratedRegex("<trkpt.*?</trkpt>", RegexOptions.Singleline)]
    private static partial Regex TrackPoint();
}
