using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using RunStrong.ActivityFiles.Tests.Dispatch;
using RunStrong.ActivityFiles.Tests.Fit;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Numbers;

/// <summary>
/// Issue 14's "Done when" over every FIT, GPX and TCX file in tests/fixtures that RunStrong keeps as an activity:
/// checked against independent readings (a plain XML reading and haversine for GPX and TCX, Garmin's FIT SDK for FIT).
/// </summary>
public class FixtureNumbersTests
{
    /// <summary>2:50 /km: faster than any grade-adjusted pace can honestly be, unless the runner (or rider) really went that fast.</summary>
    private const double FastestBelievableGapSecondsPerKm = 170;

    public static TheoryData<string, string> ActivityFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "fit", "gpx", "tcx" })
        {
            foreach (var path in Fixtures.Files(folder))
            {
                data.Add(folder, Path.GetFileName(path));
            }
        }

        return data;
    }

    /// <summary>The file read and kept as an activity (read, and not refused as too short), with its analysis; null otherwise.</summary>
    private static ActivityAnalysis? Kept(string folder, string file)
    {
        var result = TestFiles.ReadFixture(folder, file);
        if (result.Activity is not { } activity)
        {
            return null;
        }

        var analysis = ActivityAnalysis.Of(activity);
        return analysis.WhyNotAnActivity() is null ? analysis : null;
    }

    [Theory]
    [MemberData(nameof(ActivityFiles))]
    public void EveryFixture_GradeAdjustedPace_IsNeverFasterThan2_50PerKmUnlessThePaceIs(string folder, string file)
    {
        var summary = Kept(folder, file)?.Summary;
        if (summary?.AverageGradeAdjustedPaceSecondsPerKm is not { } gap)
        {
            return;
        }

        Assert.True(
            gap >= FastestBelievableGapSecondsPerKm || summary.AveragePaceSecondsPerKm < FastestBelievableGapSecondsPerKm,
            $"{file}: grade-adjusted {gap:0} s/km from a pace of {summary.AveragePaceSecondsPerKm:0} s/km");
    }

    [Theory]
    [MemberData(nameof(ActivityFiles))]
    public void EveryFixture_StartsIn1990OrLater_OrSaysItHasNoDate(string folder, string file)
    {
        var result = TestFiles.ReadFixture(folder, file);
        if (result.Activity is not { } activity)
        {
            return;
        }

        if (activity.StartTimeSource == StartTimeSource.Unknown)
        {
            Assert.Contains(result.Warnings, w => w.Contains("give the day it was recorded when importing it", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(activity.StartTime >= new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc), $"{file}: starts {activity.StartTime:O}");
        }
    }

    [Theory]
    [MemberData(nameof(ActivityFiles))]
    public void EveryGpxFixture_DistanceIsWithin2PercentOfAHaversineOverEachSegment(string folder, string file)
    {
        if (folder != "gpx" || Kept(folder, file) is not { } analysis)
        {
            return;
        }

        var independent = IndependentGpxMeters(Fixtures.Path(folder, file));

        Assert.Equal(independent, analysis.Summary.DistanceMeters, independent * 0.02);
    }

    [Theory]
    [MemberData(nameof(ActivityFiles))]
    public void EveryTcxFixture_DistanceIsWithin2PercentOfTheLapsTheDeviceRecorded(string folder, string file)
    {
        if (folder != "tcx" || Kept(folder, file) is not { } analysis)
        {
            return;
        }

        var document = XDocument.Parse(File.ReadAllText(Fixtures.Path(folder, file)).TrimStart());
        var laps = document.Descendants().Where(e => e.Name.LocalName == "Lap")
            .Sum(lap => double.Parse(lap.Elements().First(e => e.Name.LocalName == "DistanceMeters").Value, CultureInfo.InvariantCulture));

        Assert.Equal(laps, analysis.Summary.DistanceMeters, laps * 0.02);
    }

    [Theory]
    [MemberData(nameof(ActivityFiles))]
    public void EveryFitFixture_DistanceIsWithin2PercentOfTheSessionsGarminsSdkReads(string folder, string file)
    {
        if (folder != "fit" || Kept(folder, file) is not { } analysis
            || !FitGolden.Files.TryGetValue(file, out var golden) || golden.Sessions is not { Length: > 0 } sessions)
        {
            return;
        }

        var sdk = sessions.Sum(s => s.TotalDistance ?? 0);
        if (sdk <= 0)
        {
            return;
        }

        Assert.Equal(sdk, analysis.Summary.DistanceMeters, sdk * 0.02);
    }

    [Fact]
    public void TheIndependentReadings_CoverTheFilesTheyShould()
    {
        // The theories above return early for files they do not apply to: make sure they still check enough.
        var gpx = Fixtures.Files("gpx").Count(p => Kept("gpx", Path.GetFileName(p)) is { Summary.DistanceMeters: > 0 });
        var fit = Fixtures.Files("fit").Select(Path.GetFileName)
            .Count(f => Kept("fit", f!) is not null && FitGolden.Files.TryGetValue(f!, out var g) && g.Sessions?.Sum(s => s.TotalDistance ?? 0) > 0);
        var tcx = Fixtures.Files("tcx").Count(p => Kept("tcx", Path.GetFileName(p)) is not null);

        Assert.InRange(gpx, 20, 40);
        Assert.InRange(fit, 45, 79);
        Assert.Equal(14, tcx);
    }

    /// <summary>
    /// Haversine over each track segment separately, from a plain XML reading: the way between segments is not
    /// counted; a segment whose points carry no time in a file whose other segments have times is not part of the
    /// recording (as RunStrong documents) and is left out.
    /// </summary>
    private static double IndependentGpxMeters(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\r', '\n');

        // One real file uses the prefixes gpxdata: and gpxx: without declaring them; declare them so XML can read it.
        foreach (var prefix in new[] { "gpxdata", "gpxx" })
        {
            if (text.Contains(prefix + ":", StringComparison.Ordinal) && !text.Contains("xmlns:" + prefix, StringComparison.Ordinal))
            {
                text = text.Replace("<gpx ", $"<gpx xmlns:{prefix}=\"urn:{prefix}\" ", StringComparison.Ordinal);
            }
        }

        var document = XDocument.Parse(text);
        var segments = document.Descendants().Where(e => e.Name.LocalName == "trkseg")
            .Select(segment => segment.Elements().Where(e => e.Name.LocalName == "trkpt").Select(p => (
                Lat: double.Parse(p.Attribute("lat")!.Value, CultureInfo.InvariantCulture),
                Lon: double.Parse(p.Attribute("lon")!.Value, CultureInfo.InvariantCulture),
                Timed: p.Elements().Any(e => e.Name.LocalName == "time" && DateTime.TryParse(e.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t) && t.Year >= 1980))).ToList())
            .Where(s => s.Count > 0)
            .ToList();
        if (segments.Count == 0)
        {
            segments = [document.Descendants().Where(e => e.Name.LocalName == "rtept").Select(p => (
                Lat: double.Parse(p.Attribute("lat")!.Value, CultureInfo.InvariantCulture),
                Lon: double.Parse(p.Attribute("lon")!.Value, CultureInfo.InvariantCulture),
                Timed: false)).ToList()];
        }

        var anyTimed = segments.Any(s => s.Any(p => p.Timed));
        return segments.Where(s => !anyTimed || s.Any(p => p.Timed)).Sum(s => s.Zip(s.Skip(1)).Sum(pair => Haversine(pair.First.Lat, pair.First.Lon, pair.Second.Lat, pair.Second.Lon)));
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6_371_008.8;
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var dp = p2 - p1;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var h = (Math.Sin(dp / 2) * Math.Sin(dp / 2)) + (Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2));
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
