using System.Globalization;
using System.Text.Json;
using RunStrong.ActivityFiles;
using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Activities;

/// <summary><c>runstrong inspect FILE</c> on real fixture files, checked against what the readers themselves give.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-inspect-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> Files => new()
    {
        { "fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit", "running" },
        { "gpx", "tkrajina__gpxpy__test_files__korita-zbevnica.gpx", "other" },
        { "tcx", "vkurup__python-tcxparser__tests__files__test.tcx", "running" },
    };

    [Theory, MemberData(nameof(Files))]
    public async Task Inspect_Json_AgreesWithTheReader(string folder, string name, string sport)
    {
        var path = Fixtures.Path(folder, name);
        var read = ActivityFileReader.Read(path, await File.ReadAllBytesAsync(path));
        var activity = read.Activity!;
        var summary = ActivityMetrics.Summarise(activity);

        var result = await CliProcess.RunAsync("inspect", path, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var json = result.Json;
        foreach (var field in new[] { "format", "sport", "subSport", "startTime", "elapsedSeconds", "movingSeconds", "distanceMeters", "ascentMeters", "descentMeters", "records", "laps", "avgHeartRate", "maxHeartRate", "bestEfforts", "climbs", "warnings" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"inspect --json lacks '{field}'");
        }

        Assert.Equal(folder, json.GetProperty("format").GetString());
        Assert.Equal(sport, json.GetProperty("sport").GetString());
        Assert.Equal(activity.Records.Count, json.GetProperty("records").GetInt32());
        Assert.Equal(activity.Laps.Count, json.GetProperty("laps").GetInt32());
        Assert.Equal(summary.DistanceMeters, json.GetProperty("distanceMeters").GetDouble(), 6);
        Assert.Equal(summary.MovingSeconds, json.GetProperty("movingSeconds").GetDouble(), 6);
        var start = json.GetProperty("startTime").GetString()!;
        Assert.EndsWith("Z", start, StringComparison.Ordinal);
        Assert.Equal(activity.StartTime, DateTime.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
        Assert.Equal(summary.BestEfforts.Count, json.GetProperty("bestEfforts").GetArrayLength());
        Assert.All(json.GetProperty("bestEfforts").EnumerateArray(), e =>
        {
            Assert.True(e.GetProperty("distanceMeters").GetDouble() >= 400);
            Assert.True(e.GetProperty("seconds").GetDouble() > 0);
        });
        Assert.Equal(summary.Climbs.Count, json.GetProperty("climbs").GetArrayLength());
        Assert.All(json.GetProperty("climbs").EnumerateArray(), c =>
        {
            foreach (var field in new[] { "startMeters", "lengthMeters", "gainMeters", "averageGrade" })
            {
                Assert.Equal(JsonValueKind.Number, c.GetProperty(field).ValueKind);
            }
        });
    }

    [Fact]
    public async Task Inspect_FenixRun_KnownValues()
    {
        var result = await CliProcess.RunAsync("inspect", Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit"), "--json");

        // The values SOURCES.md and the device give: 2,809 records, a 9.0 km run on 15 Aug 2015.
        Assert.Equal(2809, result.Json.GetProperty("records").GetInt32());
        Assert.InRange(result.Json.GetProperty("distanceMeters").GetDouble(), 9000, 9020);
        Assert.Equal("2015-08-15T14:45:08Z", result.Json.GetProperty("startTime").GetString());
        Assert.Equal(178, result.Json.GetProperty("maxHeartRate").GetDouble());
    }

    [Fact]
    public async Task Inspect_WithoutJson_PrintsAReadableSummary()
    {
        var result = await CliProcess.RunAsync("inspect", Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("9.01 km", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2015-08-15 14:45:08 UTC", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2809 points", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Best efforts", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_CorruptFixture_ExitsOneWithTheFileNameFirst()
    {
        const string name = "sports-alliance__sports-lib__src__specs__fixtures__others__empty-sessions.fit";

        var result = await CliProcess.RunAsync("inspect", Fixtures.Path("fit", name), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith(name + ": ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("empty", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_TruncatedFit_NamesTheByteOffset()
    {
        // The FIT SDK's Activity.fit cut off 40 bytes in, inside its first data message.
        var bytes = await File.ReadAllBytesAsync(Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__Activity.fit"));
        var path = Path.Combine(_folder, "cut.fit");
        await File.WriteAllBytesAsync(path, bytes[..40]);

        var result = await CliProcess.RunAsync("inspect", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cut.fit: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("byte 40", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MissingFile_ExitsOne()
    {
        var path = Path.Combine(_folder, "nowhere.gpx");

        var result = await CliProcess.RunAsync("inspect", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(path + ": no such file", result.Stderr, StringComparison.Ordinal);
    }
}
