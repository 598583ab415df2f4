using System.IO.Compression;
using System.Text;
using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Tests.Dispatch;
using RunStrong.Domain.Activities;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Archives;

/// <summary>Folders, zips, Strava and Garmin exports built in a temp folder from the real fixture files.</summary>
public class ExportTests
{
    private const string StravaCsv = "JoBoSo__Strava-Activity-Map__strava_exports__export_08_25_2025__activities.csv";
    private const string RunGpx = "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__2067489619.gpx";
    private const string RideGpx = "sports-alliance__sports-lib__src__specs__fixtures__rides__gpx__4108490848.gpx";
    private const string RunTcx = "vkurup__python-tcxparser__tests__files__test.tcx";

    [Fact]
    public void ReadAll_Folder_ReadsRecursivelyAndSkipsOtherFiles()
    {
        using var temp = new TestFiles.TempFolder();
        Directory.CreateDirectory(temp.Combine("2024", "march"));
        File.Copy(Fixtures.Path("gpx", RunGpx), temp.Combine("run.gpx"));
        File.Copy(Fixtures.Path("tcx", RunTcx), temp.Combine("2024", "march", "run.tcx"));
        File.Copy(Fixtures.Path("gpx", "tkrajina__gpxgo__test_files__graphhopper.gpx.gz"), temp.Combine("2024", "route.gpx.gz"));
        File.WriteAllText(temp.Combine("notes.txt"), "not an activity");
        File.WriteAllBytes(temp.Combine("2024", "broken.gpx"), [1, 2, 3]);

        var results = ActivityFileReader.ReadAll([temp.Path]).ToList();

        Assert.Equal(5, results.Count);
        Assert.Equal(3, results.Count(r => r.Status == ActivityFileStatus.Read));
        var skipped = Assert.Single(results, r => r.Status == ActivityFileStatus.Skipped);
        Assert.Equal("notes.txt: not an activity file (FIT, GPX or TCX)", skipped.Error);
        var failed = Assert.Single(results, r => r.Status == ActivityFileStatus.Failed);
        Assert.Equal(temp.Combine("2024", "broken.gpx"), failed.Path);
        Assert.StartsWith("broken.gpx: ", failed.Error);
    }

    [Fact]
    public void ReadAll_MissingPath_FailsWithoutStoppingTheBatch()
    {
        using var temp = new TestFiles.TempFolder();
        File.Copy(Fixtures.Path("gpx", RunGpx), temp.Combine("run.gpx"));

        var results = ActivityFileReader.ReadAll([temp.Combine("nope.gpx"), temp.Combine("run.gpx")]).ToList();

        Assert.Equal("nope.gpx: no such file or folder", results[0].Error);
        Assert.Equal(ActivityFileStatus.Read, results[1].Status);
    }

    [Fact]
    public void ReadAll_GarminExport_WalksNestedZips()
    {
        using var temp = new TestFiles.TempFolder();
        var fitBytes = File.ReadAllBytes(Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__Activity.fit"));
        var inner = ActivityFileReaderTests.Zip(("123_ACTIVITY.fit", fitBytes), ("456.gpx", File.ReadAllBytes(Fixtures.Path("gpx", RunGpx))));
        var outer = ActivityFileReaderTests.Zip(
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner),
            ("DI_CONNECT/DI-Connect-User/user_profile.json", Encoding.UTF8.GetBytes("{}")));
        var path = temp.Combine("garmin.zip");
        File.WriteAllBytes(path, outer);

        var results = ActivityFileReader.ReadAll([path]).ToList();

        Assert.Equal(3, results.Count);
        var gpx = Assert.Single(results, r => r.Path.EndsWith("456.gpx", StringComparison.Ordinal));
        Assert.Equal($"{path}!DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip!456.gpx", gpx.Path);
        Assert.Equal(ActivityFileStatus.Read, gpx.Status);
        var fit = Assert.Single(results, r => r.Path.EndsWith("123_ACTIVITY.fit", StringComparison.Ordinal));
        Assert.Equal(ActivityFileReader.Read("123_ACTIVITY.fit", fitBytes).Status, fit.Status); // whatever the FIT reader says
        var json = Assert.Single(results, r => r.Path.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(ActivityFileStatus.Skipped, json.Status);
    }

    [Fact]
    public void ReadAll_DamagedZip_FailsWithTheArchiveName()
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.Combine("export.zip");
        var zip = ActivityFileReaderTests.Zip(("a.gpx", new byte[100]));
        File.WriteAllBytes(path, zip[..(zip.Length / 2)]);

        var result = Assert.Single(ActivityFileReader.ReadAll([path]));

        Assert.Equal(ActivityFileStatus.Failed, result.Status);
        Assert.StartsWith("export.zip: not a readable zip archive", result.Error);
    }

    [Fact]
    public void ReadAll_StravaExportZip_TakesNameSportAndDescriptionFromTheCsv()
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.Combine("export_123.zip");
        File.WriteAllBytes(path, StravaZip());

        var results = ActivityFileReader.ReadAll([path]).ToList();

        var run = Assert.Single(results, r => r.Path == $"{path}!activities/3019598408.gpx");
        Assert.Equal(ActivityFileStatus.Read, run.Status);
        Assert.Equal("Lunch Run", run.Activity!.Name);
        Assert.Equal("Md day", run.Activity.Description);
        Assert.Equal(Sport.Running, run.Activity.Sport);

        var ride = Assert.Single(results, r => r.Path == $"{path}!activities/8328132174.gpx.gz");
        Assert.Equal("Day 1 P'tit Train du Nord Manual Upload", ride.Activity!.Name);
        Assert.Equal(Sport.Cycling, ride.Activity.Sport);

        var index = Assert.Single(results, r => r.Path == $"{path}!activities.csv");
        Assert.Equal(ActivityFileStatus.Skipped, index.Status);
        Assert.Equal(ActivityFileStatus.Skipped, Assert.Single(results, r => r.Path.EndsWith("profile.json", StringComparison.Ordinal)).Status);

        // 1845 rows, 2 files present: every other row is reported as missing.
        var missing = results.Where(r => r.Status == ActivityFileStatus.Failed).ToList();
        Assert.Equal(1843, missing.Count);
        var first = Assert.Single(missing, r => r.Path == $"{path}!activities/203707851.gpx");
        Assert.Equal("203707851.gpx: listed in activities.csv (row 2, activity 203707851 \"Lunch Ride\") but missing from the export", first.Error);
    }

    [Fact]
    public void ReadAll_StravaExportFolder_MatchesRowsToFiles()
    {
        using var temp = new TestFiles.TempFolder();
        ZipFile.ExtractToDirectory(new MemoryStream(StravaZip()), temp.Path);

        var results = ActivityFileReader.ReadAll([temp.Path]).ToList();

        var run = Assert.Single(results, r => r.Path == temp.Combine("activities", "3019598408.gpx"));
        Assert.Equal("Lunch Run", run.Activity!.Name);
        Assert.Equal(Sport.Running, run.Activity.Sport);
        Assert.Equal(1843, results.Count(r => r.Status == ActivityFileStatus.Failed && r.Error!.Contains("missing from the export", StringComparison.Ordinal)));
        Assert.Equal(2, results.Count(r => r.Status == ActivityFileStatus.Read));
    }

    [Fact]
    public void ReadAll_StreamsResults_WithoutReadingTheWholeExportFirst()
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.Combine("export.zip");
        File.WriteAllBytes(path, StravaZip());

        // Taking the first result must not need every member read: the enumerator is lazy.
        var first = ActivityFileReader.ReadAll([path]).First();

        Assert.Equal($"{path}!activities.csv", first.Path);
    }

    private static byte[] StravaZip()
    {
        var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(Fixtures.Path("gpx", RideGpx)));
        }

        return ActivityFileReaderTests.Zip(
            ("activities.csv", File.ReadAllBytes(Fixtures.Path("strava", StravaCsv))),
            ("activities/3019598408.gpx", File.ReadAllBytes(Fixtures.Path("gpx", RunGpx))),
            ("activities/8328132174.gpx.gz", gz.ToArray()),
            ("profile.json", Encoding.UTF8.GetBytes("{}")));
    }
}
