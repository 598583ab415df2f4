using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using RunStrong.ActivityFiles;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.TestSupport;
using static RunStrong.Features.Activities.ImportActivities;

namespace RunStrong.Features.Tests.Activities;

/// <summary>The import slice over real fixture files, on SQLite and PostgreSQL.</summary>
public sealed class ImportActivitiesTests : IDisposable
{
    private static readonly string FenixRun = Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit");
    private static readonly string VivoactiveFit = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__2067489619.fit");
    private static readonly string VivoactiveGpx = Fixtures.Path("gpx", "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__2067489619.gpx");
    private static readonly string SmallTcx = Fixtures.Path("tcx", "vkurup__python-tcxparser__tests__files__test.tcx");
    private static readonly string TreadmillRun = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6860622783.fit");
    private static readonly string EmptyFit = Fixtures.Path("fit", "sports-alliance__sports-lib__src__specs__fixtures__others__empty-sessions.fit");

    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-import-").FullName;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_SameFileUnderAnotherNameOrGzipped_IsADuplicateByContent(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var copy = Path.Combine(_folder, "renamed.fit");
        File.Copy(FenixRun, copy);
        var gzipped = Path.Combine(_folder, "run.fit.gz");
        await using (var output = File.Create(gzipped))
        await using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(FenixRun));
        }

        var first = await ImportAsync(db, FenixRun);
        var second = await ImportAsync(db, copy, gzipped);

        var imported = Assert.Single(first.Files);
        Assert.Equal(FileStatus.Imported, imported.Status);
        Assert.NotNull(imported.ActivityId);
        Assert.Equal(2, second.Duplicates);
        Assert.All(second.Files, f =>
        {
            Assert.Equal(FileStatus.Duplicate, f.Status);
            Assert.Equal(imported.ActivityId, f.ActivityId);
            Assert.Contains("the same file", f.Error, StringComparison.Ordinal);
        });
        Assert.Equal(1, await CountAsync(db));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_TheSameRunAsFitThenGpx_IsADuplicateByStartAndSport(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);

        var report = await ImportAsync(db, VivoactiveFit, VivoactiveGpx);

        Assert.Equal(FileStatus.Imported, report.Files.Single(f => f.Path == VivoactiveFit).Status);
        var gpx = report.Files.Single(f => f.Path == VivoactiveGpx);
        Assert.Equal(FileStatus.Duplicate, gpx.Status);
        Assert.EndsWith(": the same run at the same start time as " + VivoactiveFit + ", earlier in this import", gpx.Error, StringComparison.Ordinal);
        Assert.StartsWith(Path.GetFileName(VivoactiveGpx), gpx.Error, StringComparison.Ordinal);

        // Against rows already stored too, not only within one batch.
        var again = await ImportAsync(db, VivoactiveGpx);
        Assert.Equal(FileStatus.Duplicate, Assert.Single(again.Files).Status);
        Assert.EndsWith(", is the same run starting the same second)", again.Files[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_ACutShortCopyThenTheWholeFile_CompletesTheSameActivity_KeepingWhatTheRunnerGaveIt(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        await using var fresh = await TestDatabases.CreateAsync(engine);
        var whole = await File.ReadAllBytesAsync(TreadmillRun);
        var cut = Path.Combine(_folder, "cut.fit");
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length * 6 / 10)]);

        // A copy cut short (a sync or a transfer that broke off): stored from what is there, and the report says so.
        var first = Assert.Single((await ImportAsync(db, cut)).Files);
        Assert.Equal(FileStatus.Imported, first.Status);
        Assert.Contains(first.Warnings, w => w.StartsWith("cut.fit: file ends at byte ", StringComparison.Ordinal));
        Assert.Contains("cut.fit: this copy of the recording is cut short; import the whole file when you have it and it completes this activity", first.Warnings);
        var id = first.ActivityId!.Value;
        await using (var context = db.CreateContext())
        {
            await EditActivity.HandleAsync(context, LocalRunner.Instance, TestClock.Create(), id, new EditActivity.Change(Name: "Treadmill long", RunType: "long", Rpe: 6));
        }

        // The whole recording later: the same activity, completed, not a duplicate that can never come in.
        var second = Assert.Single((await ImportAsync(db, TreadmillRun)).Files);
        var expected = Assert.Single((await ImportAsync(fresh, TreadmillRun)).Files);

        Assert.Equal((FileStatus.Imported, id), (second.Status, second.ActivityId!.Value));
        Assert.Contains(
            $"{Path.GetFileName(TreadmillRun)}: completes activity {id}, stored from cut.fit, which was cut short: its distance, times and records are now this file's ({expected.DistanceMeters / 1000:0.00} km)",
            second.Warnings);
        Assert.Equal(1, await CountAsync(db));
        await using (var context = db.CreateContext())
        await using (var reference = fresh.CreateContext())
        {
            var completed = await context.Activities.Include(a => a.File).SingleAsync();
            var imported = await reference.Activities.Include(a => a.File).SingleAsync();
            Assert.Equal(
                (imported.DistanceMeters, imported.ElapsedSeconds, imported.MovingSeconds, imported.RecordCount, imported.AverageHeartRate, imported.ContentHash, imported.SummaryJson),
                (completed.DistanceMeters, completed.ElapsedSeconds, completed.MovingSeconds, completed.RecordCount, completed.AverageHeartRate, completed.ContentHash, completed.SummaryJson));
            Assert.Equal(imported.File!.GzipContent, completed.File!.GzipContent);
            Assert.True(completed.DistanceMeters > 10_000, "the whole treadmill run is 10.6 km; the cut copy held 5.2");
            Assert.Equal(("Treadmill long", "long", 6.0), (completed.Name, completed.RunType, completed.Rpe));
            Assert.False(StoredSummary.Read(completed.SummaryJson).CutShort);
        }

        // From now on both copies are duplicates: the whole file by content, the cut one by its start.
        var again = await ImportAsync(db, TreadmillRun, cut);
        Assert.All(again.Files, f => Assert.Equal((FileStatus.Duplicate, id), (f.Status, f.ActivityId!.Value)));
        Assert.Equal(1, await CountAsync(db));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_FolderWithCorruptFiles_ImportsTheRestAndNamesTheBadOnes(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        File.Copy(FenixRun, Path.Combine(_folder, "a-run.fit"));
        File.Copy(EmptyFit, Path.Combine(_folder, "b-empty.fit"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "c-garbage.fit"), "this is not a FIT file at all, just some text");
        File.Copy(SmallTcx, Path.Combine(_folder, "d-ride.tcx"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "e-broken.gpx"), "<gpx><trk><trkseg><trkpt lat=\"1\"");

        var report = await ImportAsync(db, _folder);

        Assert.Equal(2, report.Imported);
        Assert.Equal(3, report.Failed);
        Assert.Equal(FileStatus.Imported, report.Files.Single(f => f.Path.EndsWith("a-run.fit", StringComparison.Ordinal)).Status);
        Assert.Equal(FileStatus.Imported, report.Files.Single(f => f.Path.EndsWith("d-ride.tcx", StringComparison.Ordinal)).Status);
        foreach (var bad in new[] { "b-empty.fit", "c-garbage.fit", "e-broken.gpx" })
        {
            var result = report.Files.Single(f => f.Path.EndsWith(bad, StringComparison.Ordinal));
            Assert.Equal(FileStatus.Failed, result.Status);
            Assert.StartsWith(bad + ":", result.Error, StringComparison.Ordinal);
            Assert.Null(result.ActivityId);
        }

        Assert.Equal(2, await CountAsync(db));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Reimport_OfAFolder_GivesOnlyDuplicates(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        foreach (var file in new[] { FenixRun, VivoactiveFit, SmallTcx })
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        var first = await ImportAsync(db, _folder);
        var second = await ImportAsync(db, _folder);

        Assert.Equal(3, first.Imported);
        Assert.Equal(0, second.Imported);
        Assert.Equal(3, second.Duplicates);
        Assert.Equal(
            first.Files.Select(f => (f.Path, f.ActivityId)).Order(),
            second.Files.Select(f => (f.Path, f.ActivityId)).Order());
        Assert.Equal(3, await CountAsync(db));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_StoresTheOriginal_ListGetAndDeleteUseIt(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var report = await ImportAsync(db, FenixRun, SmallTcx);
        var runId = report.Files.Single(f => f.Path == FenixRun).ActivityId!.Value;
        var expected = ActivityFileReader.Read(FenixRun, await File.ReadAllBytesAsync(FenixRun));

        await using var context = db.CreateContext();
        var list = await ListActivities.HandleAsync(context, LocalRunner.Instance, new ListActivities.Request());
        var file = await GetActivityFile.HandleAsync(context, LocalRunner.Instance, runId);
        var detail = await GetActivity.HandleAsync(context, LocalRunner.Instance, new GetActivity.Request(runId, IncludeSeries: true));

        Assert.Equal(2, list.Total);
        Assert.True(list.Items[0].StartTime >= list.Items[1].StartTime, "newest first");
        Assert.Equal(await File.ReadAllBytesAsync(FenixRun), file.Content);
        Assert.Equal("application/vnd.ant.fit", file.ContentType);
        Assert.Equal(expected.Activity!.Records.Count, detail.Records);
        Assert.Equal("running", detail.Sport);
        Assert.InRange(detail.DistanceMeters, 9000, 9020);
        Assert.NotEmpty(detail.BestEfforts);
        var series = detail.Series!;
        Assert.Equal("distance", series.Axis);
        Assert.InRange(series.Pace.Count, 100, GetActivity.ChartPoints);
        Assert.InRange(series.HeartRate.Count, 100, GetActivity.ChartPoints);
        Assert.InRange(series.Elevation.Count, 100, GetActivity.ChartPoints);
        Assert.All(series.HeartRate, p => Assert.InRange(p.Value, 60, 200));

        await DeleteActivity.HandleAsync(context, LocalRunner.Instance, runId);
        var missing = await Assert.ThrowsAsync<UserInputException>(() => GetActivityFile.HandleAsync(context, LocalRunner.Instance, runId));
        Assert.True(missing.NotFound);
        Assert.Equal(1, (await ListActivities.HandleAsync(context, LocalRunner.Instance, new ListActivities.Request())).Total);
        Assert.Equal(0, context.ActivityFiles.Count(f => f.ActivityId == runId));
    }

    private static async Task<Report> ImportAsync(TestDatabase db, params string[] paths)
    {
        await using var context = db.CreateContext();
        return await CollectAsync(FromPathsAsync(context, LocalRunner.Instance, TestClock.Create(), paths));
    }

    private static async Task<int> CountAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return context.Activities.Count();
    }
}
