using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Demo;
using RunStrong.Features.Portability;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Portability;

/// <summary>Export, import and delete of a runner's data, on SQLite and PostgreSQL and across them.</summary>
public sealed class RunnerDataTests : IDisposable
{
    public static readonly string FenixRun = Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit");
    public static readonly string SmallTcx = Fixtures.Path("tcx", "vkurup__python-tcxparser__tests__files__test.tcx");
    public static readonly string VivoactiveGpx = Fixtures.Path("gpx", "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__2067489619.gpx");

    private static readonly DateOnly Today = new(2026, 11, 30);

    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-export-").FullName;

    public static TheoryData<string, string> EnginePairs => new()
    {
        { "sqlite", "sqlite" },
        { "postgres", "postgres" },
        { "sqlite", "postgres" },
        { "postgres", "sqlite" },
    };

    public static TheoryData<string> Engines => TestDatabases.Engines;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A demo year plus three real activity files (FIT, TCX, GPX) for the local runner.</summary>
    internal static async Task FillAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await DemoData.FillAsync(db, LocalRunner.Instance, Today);
        var report = await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, TestClock.Create(), [FenixRun, SmallTcx, VivoactiveGpx]));
        Assert.Equal(3, report.Imported);
    }

    private async Task<string> ExportAsync(TestDatabase database, string name = "export.zip")
    {
        var path = Path.Combine(_folder, name);
        await using var db = database.CreateContext();
        await using var file = File.Create(path);
        await ExportRunnerData.WriteAsync(db, LocalRunner.Instance, TestClock.Create(), file);
        return path;
    }

    private static async Task<ImportRunnerData.Report> ImportAsync(TestDatabase database, string path)
    {
        await using var db = database.CreateContext();
        await using var file = File.OpenRead(path);
        return await ImportRunnerData.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), path, file);
    }

    /// <summary>A copy of the export <paramref name="zip"/> named <paramref name="name"/>, its runstrong-export.json changed by <paramref name="edit"/>.</summary>
    private async Task<string> EditedCopyAsync(string zip, string name, Func<string, string> edit)
    {
        var path = Path.Combine(_folder, name);
        File.Copy(zip, path);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Update);
        var json = archive.GetEntry(ExportRunnerData.JsonEntry)!;
        string text;
        using (var reader = new StreamReader(await json.OpenAsync()))
        {
            text = await reader.ReadToEndAsync();
        }

        json.Delete();
        await using var writer = new StreamWriter(await archive.CreateEntry(ExportRunnerData.JsonEntry).OpenAsync());
        await writer.WriteAsync(edit(text));
        return path;
    }

    /// <summary>The runner's data as comparable text, without ids (which differ between databases) but with references resolved.</summary>
    internal static async Task<Snapshot> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var owner = Runner.LocalId;
        var plans = await db.Plans.Where(p => p.OwnerId == owner).ToListAsync();
        var planNames = plans.ToDictionary(p => p.Id, p => p.Name);
        var sessions = await db.StrengthSessions.Include(s => s.Sets).Where(s => s.OwnerId == owner).ToListAsync();
        var checkIns = await db.SorenessCheckIns.Where(c => c.OwnerId == owner).ToListAsync();
        var activities = await db.Activities.Where(a => a.OwnerId == owner).ToListAsync();
        var activityHashes = activities.ToDictionary(a => a.Id, a => a.ContentHash);
        var sessionNames = sessions.ToDictionary(s => s.Id, s => $"{s.Date}/{s.PlannedSessionKey}/{s.Sets.Count} sets");
        var mappings = await db.GarminExerciseMappings.Where(m => m.OwnerId == owner).ToListAsync();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (await db.ActivityFiles.AnyAsync(f => f.ActivityId == activity.Id))
            {
                var file = await GetActivityFile.HandleAsync(db, LocalRunner.Instance, activity.Id);
                files[activity.ContentHash] = $"{file.FileName} {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content))}";
            }
        }

        static string T(DateTime t) => (t.Ticks / TimeSpan.TicksPerMillisecond).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Snapshot(
            plans.Select(p => $"{p.Name}|{p.StartDate}|{p.Weeks}|{p.ProfileJson}|{p.IsDemo}|{T(p.CreatedAt)}").Order(StringComparer.Ordinal).ToList(),
            sessions.Select(s => $"{s.Date}|{(s.PlanId is { } id ? planNames[id] : "-")}|{s.PlannedSessionKey}|{s.SessionRpe}|{s.DurationMinutes}|{s.Notes}|{s.IsDemo}|"
                + $"from {(s.SourceActivityId is { } a ? activityHashes[a] : "hand")}|waits for {(s.MergeWithSessionId is { } m ? sessionNames[m] : "-")}|"
                + string.Join(";", s.Sets.OrderBy(x => x.Position).Select(x => $"{x.Position},{x.ExerciseSlug},{x.VariantSlug},{x.Reps},{x.LoadValue}{x.LoadUnit},{x.Band},{x.Seconds},{x.Rpe},{x.RepsInReserve},{x.Pain},{x.Completed},{x.GarminExercise}")))
                .Order(StringComparer.Ordinal).ToList(),
            checkIns.Select(c => $"{c.Date}|{c.Area}|{c.Score}|{c.Notes}|{c.IsDemo}").Order(StringComparer.Ordinal).ToList(),
            activities.Select(a => $"{a.ContentHash}|{a.Format}|{a.Sport}|{T(a.StartTime)}|{a.Name}|{a.DistanceMeters}|{a.ElapsedSeconds}|{a.AscentMeters}|{a.AverageHeartRate}|{a.RecordCount}|{a.RunType}|{a.Rpe}|{a.IsDemo}|{a.SummaryJson.Length}")
                .Order(StringComparer.Ordinal).ToList(),
            files,
            mappings.Select(m => $"{m.GarminExercise}|{m.ExerciseSlug}|{m.VariantSlug}|{m.CreatedAt.Ticks / TimeSpan.TicksPerSecond}").Order(StringComparer.Ordinal).ToList());
    }

    public sealed record Snapshot(List<string> Plans, List<string> Sessions, List<string> CheckIns, List<string> Activities, SortedDictionary<string, string> Files, List<string> GarminMappings)
    {
        public void AssertSameAs(Snapshot other)
        {
            Assert.Equal(other.Plans, Plans);
            Assert.Equal(other.Sessions, Sessions);
            Assert.Equal(other.CheckIns, CheckIns);
            Assert.Equal(other.Activities, Activities);
            Assert.Equal(other.Files, Files);
            Assert.Equal(other.GarminMappings, GarminMappings);
        }
    }

    [Theory, MemberData(nameof(EnginePairs))]
    public async Task ExportThenImport_CarriesTheHeartRates_ButNeverOverwritesOnesTheRunnerGave(string from, string to)
    {
        await using var source = await TestDatabases.CreateAsync(from);
        await using var fresh = await TestDatabases.CreateAsync(to);
        await using var configured = await TestDatabases.CreateAsync(to);
        await using (var db = source.CreateContext())
        {
            await Features.Settings.RunnerSettings.UpdateAsync(db, LocalRunner.Instance, new Features.Settings.RunnerSettings.Request(47, 191, "women"));
        }

        await using (var db = configured.CreateContext())
        {
            await Features.Settings.RunnerSettings.UpdateAsync(db, LocalRunner.Instance, new Features.Settings.RunnerSettings.Request(60, 180, "men"));
        }

        var zip = await ExportAsync(source);
        await ImportAsync(fresh, zip);
        await ImportAsync(configured, zip);

        await using var freshDb = fresh.CreateContext();
        await using var configuredDb = configured.CreateContext();
        Assert.Equal(new Features.Settings.HeartRateSettings(47, 191, Domain.Load.TrimpWeighting.Women), await Features.Settings.RunnerSettings.GetAsync(freshDb, LocalRunner.Instance));
        Assert.Equal(new Features.Settings.HeartRateSettings(60, 180, Domain.Load.TrimpWeighting.Men), await Features.Settings.RunnerSettings.GetAsync(configuredDb, LocalRunner.Instance));
    }

    [Theory, MemberData(nameof(EnginePairs))]
    public async Task ExportThenImport_IntoAFreshDatabase_GivesTheSameDataAndTheOriginalFiles(string from, string to)
    {
        await using var source = await TestDatabases.CreateAsync(from);
        await using var target = await TestDatabases.CreateAsync(to);
        await FillAsync(source);
        var before = await SnapshotAsync(source);

        var zip = await ExportAsync(source);
        var report = await ImportAsync(target, zip);

        var after = await SnapshotAsync(target);
        after.AssertSameAs(before);
        Assert.Equal(before.Activities.Count, report.Imported.Activities);
        Assert.Equal(new ImportRunnerData.Counts(0, 0, 0, 0, 0), report.Skipped);
        Assert.Contains(before.Sessions, s => s.Contains("|" + DemoData.PlanName + "|", StringComparison.Ordinal));
        Assert.Equal(3, after.Files.Count);

        // The originals sit in the zip byte for byte, named activities/<id>-<filename>.
        using var archive = ZipFile.OpenRead(zip);
        var fit = Assert.Single(archive.Entries, e => e.FullName.StartsWith("activities/", StringComparison.Ordinal) && e.FullName.EndsWith(Path.GetFileName(FenixRun), StringComparison.Ordinal));
        await using var entry = await fit.OpenAsync();
        using var bytes = new MemoryStream();
        await entry.CopyToAsync(bytes);
        Assert.Equal(await File.ReadAllBytesAsync(FenixRun), bytes.ToArray());

        // A new server gives the plan a new private calendar address.
        await using var sourceDb = source.CreateContext();
        await using var targetDb = target.CreateContext();
        Assert.NotEqual(
            await sourceDb.Plans.Select(p => p.CalendarToken).SingleAsync(),
            await targetDb.Plans.Select(p => p.CalendarToken).SingleAsync());
    }

    /// <summary>
    /// Sessions read from a watch stay the watch's (tied to their activity), one still waiting for the runner's choice
    /// against a hand-logged session keeps waiting (and keeps counting for nothing), and the runner's Garmin names go
    /// with them: an export taken to another server or engine counts every set exactly as before.
    /// </summary>
    [Theory, MemberData(nameof(EnginePairs))]
    public async Task ExportThenImport_KeepsWatchSessionsTheirActivitiesAPendingChoiceAndTheGarminNames(string from, string to)
    {
        await using var source = await TestDatabases.CreateAsync(from);
        await using var target = await TestDatabases.CreateAsync(to);
        var monday = TestClock.ThisMonday;
        await TrainingPlans.SeedAsync(source, monday.AddDays(-7));
        var clock = TestClock.Create();
        DateOnly strengthDay;
        await using (var db = source.CreateContext())
        {
            strengthDay = (await TodaysSession.HandleAsync(db, LocalRunner.Instance, clock, monday)).Planned.Count > 0 ? monday : monday.AddDays(3);
            await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, clock, new LogStrengthSession.Request
            {
                Date = strengthDay,
                Sets = [SetNotation.Parse("10x135lb@7", 0, "hip-thrust", "barbell"), SetNotation.Parse("10x135lb@8", 1, "hip-thrust", "barbell")],
            });
            var earlier = GarminFitSdk.EncodeStrength(Path.Combine(_folder, "earlier.fit"), monday.AddDays(-5).ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc), "kilogram");
            var sameDay = GarminFitSdk.EncodeStrength(Path.Combine(_folder, "same-day.fit"), strengthDay.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc), "pound");
            var imported = await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, clock, [earlier, sameDay]));
            Assert.Equal(2, imported.Imported);
            Assert.NotNull(imported.Files[1].Strength!.MergeWithSessionId);
            await WatchStrength.MapAsync(db, LocalRunner.Instance, clock, "bench-press/barbell-bench-press", "romanian-deadlift", "barbell");
        }

        var before = await SnapshotAsync(source);
        var counted = await CountedSetsAsync(source);
        Assert.Contains(before.Sessions, s => s.Contains("|waits for " + strengthDay, StringComparison.Ordinal));

        var zip = await ExportAsync(source);
        var report = await ImportAsync(target, zip);

        (await SnapshotAsync(target)).AssertSameAs(before);
        Assert.Equal((3, 14), (report.Imported.StrengthSessions, report.Imported.Sets));
        // The pending watch session still counts for nothing: progression sees the same sets as before.
        Assert.Equal(counted, await CountedSetsAsync(target));

        // Again: nothing more, not even a second watch session for an activity already there.
        var again = await ImportAsync(target, zip);
        Assert.Equal(new ImportRunnerData.Counts(0, 0, 0, 0, 0), again.Imported);
        (await SnapshotAsync(target)).AssertSameAs(before);

        // A runner who had imported one of those watch files here already (its session logged then) gets no second one.
        await using (var own = await TestDatabases.CreateAsync(to))
        {
            var later = TestClock.Create();
            later.Advance(TimeSpan.FromDays(1));
            await using (var db = own.CreateContext())
            {
                await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, later, [Path.Combine(_folder, "earlier.fit")]));
            }

            var onTop = await ImportAsync(own, zip);
            Assert.Equal((2, 8, 1, 1), (onTop.Imported.StrengthSessions, onTop.Imported.Sets, onTop.Skipped.StrengthSessions, onTop.Skipped.Activities));
            await using var check = own.CreateContext();
            Assert.Equal(3, await check.StrengthSessions.CountAsync());
        }

        // A damaged reference is named, and nothing is written.
        var damaged = await EditedCopyAsync(zip, "damaged.zip",
            text => System.Text.RegularExpressions.Regex.Replace(text, "\"sourceActivityId\": [0-9]+", "\"sourceActivityId\": 999999"));

        await using (var empty = await TestDatabases.CreateAsync(to))
        {
            var bad = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(empty, damaged));
            Assert.Matches("^damaged.zip: runstrong-export.json: strength session [0-9]+ on [0-9-]+ was read from activity 999999, which is not in the export$", bad.Message);
            await using var check = empty.CreateContext();
            Assert.False(await check.Activities.AnyAsync());
        }

        // A Garmin name that is not one is refused by name; a mapping to an exercise this server lacks is left out (the
        // runner is asked for that name again) and everything else comes in.
        var notAName = await EditedCopyAsync(zip, "not-a-name.zip", text => text.Replace("bench-press/barbell-bench-press", "bench press", StringComparison.Ordinal));
        var unknownExercise = await EditedCopyAsync(zip, "unknown-exercise.zip",
            text => System.Text.RegularExpressions.Regex.Replace(text, "(\"garminMappings\":[^\\]]*\"exerciseSlug\": )\"romanian-deadlift\"", "$1\"no-such-exercise\""));
        await using (var other = await TestDatabases.CreateAsync(to))
        {
            var refused = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(other, notAName));
            Assert.Matches("^not-a-name.zip: runstrong-export.json: strength session [0-9]+ on [0-9-]+ has a set whose Garmin exercise \"bench press\" is not category/name of at most 120 characters$", refused.Message);
            var without = await ImportAsync(other, unknownExercise);
            Assert.Equal((3, 14), (without.Imported.StrengthSessions, without.Imported.Sets));
            await using var check = other.CreateContext();
            Assert.False(await check.GarminExerciseMappings.AnyAsync());
        }

        // The runner can still choose on the new server, and the name they mapped applies to the next watch file there.
        await using (var db = target.CreateContext())
        {
            var waiting = await db.StrengthSessions.SingleAsync(s => s.MergeWithSessionId != null);
            await WatchStrength.ChooseAsync(db, LocalRunner.Instance, waiting.Id, WatchStrength.Keep.Watch);
            var next = GarminFitSdk.EncodeStrength(Path.Combine(_folder, "next.fit"), monday.AddDays(-3).ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc), "kilogram");
            var strength = (await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, clock, [next]))).Files.Single().Strength!;
            Assert.Equal(1, strength.UnmappedSets);
        }
    }

    /// <summary>Sets that count for progression, per day: what the log means, whatever the ids.</summary>
    private static async Task<List<string>> CountedSetsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var sessions = TrainingData.ToDomain(await TrainingData.SessionRecordsAsync(db, LocalRunner.Instance, CancellationToken.None));
        return sessions.Select(s => $"{s.Date} {s.Sets.Count}").Order(StringComparer.Ordinal).ToList();
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_ARecordOnADayNothingCanBeLoggedOn_IsRefusedByName_AndNothingIsImported(string engine)
    {
        // An export from an older RunStrong (which let 9999-12-31 through) once took the dashboard down for good.
        await using var source = await TestDatabases.CreateAsync(engine);
        await using var target = await TestDatabases.CreateAsync(engine);
        await FillAsync(source);
        await using (var db = source.CreateContext())
        {
            db.SorenessCheckIns.Add(new SorenessRecord { OwnerId = Runner.LocalId, Date = DateOnly.MaxValue, Area = "calves", Score = 4, CreatedAt = TestClock.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var zip = await ExportAsync(source);
        var early = await EditedCopyAsync(await ExportAsync(target, "empty.zip"), "early.zip",
            json => System.Text.RegularExpressions.Regex.Replace(json, @"""sorenessCheckIns"":\s*\[\s*\]",
                @"""sorenessCheckIns"": [{""date"": ""1800-01-01"", ""area"": ""knees"", ""score"": 2, ""isDemo"": false, ""createdAt"": ""2026-01-01T00:00:00Z""}]"));

        var refused = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(target, zip));
        var tooEarly = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(target, early));

        Assert.Equal("FILE", refused.Field);
        Assert.EndsWith("export.zip: runstrong-export.json: the calves soreness check-in is dated 9999-12-31, not a day anything can be logged on (1990-01-01 to today); "
            + "nothing was imported. Correct its day where it was exported from, or in the file", refused.Message, StringComparison.Ordinal);
        Assert.Contains("the knees soreness check-in is dated 1800-01-01", tooEarly.Message, StringComparison.Ordinal);
        await using var check = target.CreateContext();
        Assert.False(await check.Activities.AnyAsync());
        Assert.False(await check.StrengthSessions.AnyAsync());
        Assert.False(await check.SorenessCheckIns.AnyAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_TheSameZipAgainOrIntoItsOwnDatabase_AddsNothing(string engine)
    {
        await using var source = await TestDatabases.CreateAsync(engine);
        await using var target = await TestDatabases.CreateAsync(engine);
        await FillAsync(source);
        var zip = await ExportAsync(source);
        await ImportAsync(target, zip);
        var once = await SnapshotAsync(target);

        var again = await ImportAsync(target, zip);
        var home = await ImportAsync(source, zip);

        Assert.Equal(new ImportRunnerData.Counts(0, 0, 0, 0, 0), again.Imported);
        Assert.Equal(new ImportRunnerData.Counts(0, 0, 0, 0, 0), home.Imported);
        Assert.Equal(once.Activities.Count, again.Skipped.Activities);
        (await SnapshotAsync(target)).AssertSameAs(once);
        (await SnapshotAsync(source)).AssertSameAs(once);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_ABadZip_SaysWhatIsWrongAndLeavesTheDataAsItWas(string engine)
    {
        await using var source = await TestDatabases.CreateAsync(engine);
        await using var target = await TestDatabases.CreateAsync(engine);
        await FillAsync(source);
        var zip = await ExportAsync(source);
        await using (var db = target.CreateContext())
        {
            await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, TestClock.Create(), [SmallTcx]));
        }

        var before = await SnapshotAsync(target);

        // Not a zip at all.
        var notZip = Path.Combine(_folder, "holiday.zip");
        await File.WriteAllTextAsync(notZip, "these are not the bytes of a zip");
        var e1 = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(target, notZip));
        Assert.StartsWith("holiday.zip: not a zip archive", e1.Message, StringComparison.Ordinal);

        // A zip, but not a RunStrong export.
        var foreign = Path.Combine(_folder, "strava.zip");
        using (var archive = ZipFile.Open(foreign, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(SmallTcx, "activities/1.tcx");
        }

        var e2 = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(target, foreign));
        Assert.Equal("strava.zip: has no runstrong-export.json, so it is not a RunStrong export (make one with `runstrong export` or the Your data page)", e2.Message);

        // A newer format than this RunStrong reads.
        var newer = await EditedCopyAsync(zip, "newer.zip", text => text.Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal));

        var e4 = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(target, newer));
        Assert.StartsWith("newer.zip: export format version 7 is not one this RunStrong reads", e4.Message, StringComparison.Ordinal);

        (await SnapshotAsync(target)).AssertSameAs(before);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_ADamagedOriginalFile_DoesNotStopTheRest_ItsActivityComesFromItsSummaryAndTheReportSaysSo(string engine)
    {
        await using var source = await TestDatabases.CreateAsync(engine);
        await using var target = await TestDatabases.CreateAsync(engine);
        await FillAsync(source);
        var whole = await SnapshotAsync(source);
        var zip = await ExportAsync(source);

        // A real export with one original file changed after it was written.
        var tampered = Path.Combine(_folder, "tampered.zip");
        File.Copy(zip, tampered);
        string changed;
        using (var archive = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var entry = archive.Entries.Last(e => e.FullName.StartsWith("activities/", StringComparison.Ordinal));
            changed = entry.FullName;
            entry.Delete();
            await using var write = await archive.CreateEntry(changed).OpenAsync();
            await write.WriteAsync(Encoding.UTF8.GetBytes("<gpx>edited</gpx>"));
        }

        var report = await ImportAsync(target, tampered);

        var problem = Assert.Single(report.Problems);
        Assert.StartsWith($"tampered.zip: {changed} does not match its content hash, so the export was changed or damaged; activity ", problem, StringComparison.Ordinal);
        Assert.EndsWith("was imported from its summary, without its original file", problem, StringComparison.Ordinal);
        var imported = await SnapshotAsync(target);
        Assert.Equal(whole.Plans, imported.Plans);
        Assert.Equal(whole.Sessions, imported.Sessions);
        Assert.Equal(whole.CheckIns, imported.CheckIns);
        Assert.Equal(whole.Activities, imported.Activities);
        Assert.Equal(whole.Files.Count - 1, imported.Files.Count);
        Assert.All(imported.Files, f => Assert.Equal(whole.Files[f.Key], f.Value));

        // The runner still has the originals: imported again, the missing one joins its activity; the rest are duplicates.
        await using (var db = target.CreateContext())
        {
            var again = await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, TestClock.Create(), [FenixRun, SmallTcx, VivoactiveGpx]));
            var restored = Assert.Single(again.Files, f => f.Status == ImportActivities.FileStatus.Imported);
            Assert.Contains($"{Path.GetFileName(restored.Path)}: the original file of activity {restored.ActivityId}, which came in without it; stored with it now", restored.Warnings);
            Assert.Equal(2, again.Duplicates);
        }

        var completed = await SnapshotAsync(target);
        Assert.Equal(whole.Activities, completed.Activities);
        Assert.Equal(whole.Files.Count, completed.Files.Count);
        Assert.All(completed.Files, f => Assert.Equal(whole.Files[f.Key], f.Value));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_AValueTheLogWouldRefuse_IsRefusedNamingTheRecord_AndNothingIsImported(string engine)
    {
        // An edited export brought in reps of -5 and an "elbow" check-in, and the history, progress and dashboard failed on them.
        await using var source = await TestDatabases.CreateAsync(engine);
        await using var target = await TestDatabases.CreateAsync(engine);
        await FillAsync(source);
        var zip = await ExportAsync(source);
        var cases = new (string File, string From, string To, string Says)[]
        {
            ("reps.zip", "\"reps\": 8,", "\"reps\": -5,", "reps must be 0 or more, got -5; nothing was imported"),
            ("unit.zip", "\"loadUnit\": \"kg\"", "\"loadUnit\": \"stone\"", "a load is a number in kg or lb; nothing was imported"),
            ("area.zip", "\"area\": \"calves\"", "\"area\": \"elbow\"", "names the body area \"elbow\", which is not one of "),
            ("score.zip", "\"score\": 2,", "\"score\": 11,", "has soreness 11; soreness is between 0 and 10; nothing was imported"),
            ("rpe.zip", "\"sessionRpe\": 6", "\"sessionRpe\": 60", "has session RPE 60; session RPE is between 1 and 10; nothing was imported"),
            ("type.zip", "\"runType\": \"easy\"", "\"runType\": \"jog\"", "has run type \"jog\"; expected one of easy, quality, long, race, hills; nothing was imported"),
        };
        var text = await ReadJsonAsync(zip);
        var messages = new List<string>();
        foreach (var (file, from, to, says) in cases)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            var bad = await EditedCopyAsync(zip, file, json => ReplaceFirst(json, from, to));
            var refused = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(target, bad));
            Assert.Equal("FILE", refused.Field);
            Assert.StartsWith($"{file}: runstrong-export.json: ", refused.Message, StringComparison.Ordinal);
            Assert.Contains(says, refused.Message, StringComparison.Ordinal);
            messages.Add(refused.Message);
        }

        Assert.Matches(@"^reps\.zip: runstrong-export\.json: strength session \d+ on \d{4}-\d\d-\d\d, set \d+ \([a-z-]+\): reps must", messages[0]);
        await using var check = target.CreateContext();
        Assert.False(await check.Activities.AnyAsync());
        Assert.False(await check.StrengthSessions.AnyAsync());
        Assert.False(await check.SorenessCheckIns.AnyAsync());
        Assert.False(await check.Plans.AnyAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_AHillSprintLogNoHillHolds_IsRefusedNamingTheLogAndTheField_AsTheLogWould(string engine)
    {
        await using var source = await TestDatabases.CreateAsync(engine);
        await using var target = await TestDatabases.CreateAsync(engine);
        await FillAsync(source);
        string key;
        await using (var db = source.CreateContext())
        {
            var planId = await db.Plans.Select(p => p.Id).FirstAsync();
            var plan = (await RunStrong.Features.Plans.GetPlan.HandleAsync(db, new RunStrong.Features.Catalogue.ExerciseCatalogue(db), LocalRunner.Instance, TestClock.Create(), planId)).Plan;
            var hill = plan.Days.SelectMany(d => d.Sessions.Select((s, i) => (d.Date, Index: i, Session: s)))
                .Last(x => x.Session.Kind == Domain.Planning.SessionKind.HillSprints && x.Date < Today);
            key = TrainingPlan.KeyOf(hill.Date, hill.Index);
            await LogPlannedSession.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), new LogPlannedSession.Request
            {
                PlannedSessionKey = key, Status = "done", Reps = 5, Seconds = 8, GradePercent = 7,
            });
        }

        var zip = await ExportAsync(source);
        var bad = await EditedCopyAsync(zip, "grade.zip", json => ReplaceFirst(json, "\"gradePercent\": 7", "\"gradePercent\": 70"));

        var refused = await Assert.ThrowsAsync<UserInputException>(() => ImportAsync(target, bad));

        Assert.Equal(
            $"grade.zip: runstrong-export.json: session log {key}, gradePercent: a hill's grade is between 1 and 30 %, got 70; nothing was imported",
            refused.Message);
        await using (var check = target.CreateContext())
        {
            Assert.False(await check.SessionLogs.AnyAsync());
        }

        // The export as written comes in, its hill sprints as logged.
        await ImportAsync(target, zip);
        await using (var check = target.CreateContext())
        {
            var log = await check.SessionLogs.SingleAsync();
            Assert.Equal((key, 5, 8, 7.0), (log.PlannedSessionKey, log.Reps, log.Seconds, log.GradePercent));
        }
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }

    private static async Task<string> ReadJsonAsync(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(await archive.GetEntry(ExportRunnerData.JsonEntry)!.OpenAsync());
        return await reader.ReadToEndAsync();
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Delete_RemovesEverythingTheRunnerOwnsAndNothingElse(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await FillAsync(database);
        var other = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Runners.Add(new Runner { Id = other, Name = "Partner", CreatedAt = TestClock.Now.UtcDateTime });
            await db.SaveChangesAsync();
            await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, new OtherRunner(other), TestClock.Create(), [FenixRun]));
        }

        var before = await SnapshotAsync(database);
        await using (var db = database.CreateContext())
        {
            var sets = await db.LoggedSets.CountAsync(s => s.OwnerId == Runner.LocalId);
            var deleted = await DeleteRunnerData.HandleAsync(db, LocalRunner.Instance);
            Assert.Equal(new DeleteRunnerData.Summary(before.Plans.Count, before.Sessions.Count, sets, before.CheckIns.Count, before.Activities.Count), deleted);
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Plans.AnyAsync(p => p.OwnerId == Runner.LocalId));
            Assert.False(await db.StrengthSessions.AnyAsync(p => p.OwnerId == Runner.LocalId));
            Assert.False(await db.LoggedSets.AnyAsync(p => p.OwnerId == Runner.LocalId));
            Assert.False(await db.SorenessCheckIns.AnyAsync(p => p.OwnerId == Runner.LocalId));
            Assert.False(await db.Activities.AnyAsync(p => p.OwnerId == Runner.LocalId));
            Assert.False(await db.ActivityFiles.AnyAsync(p => p.OwnerId == Runner.LocalId));
            Assert.Equal(1, await db.Activities.CountAsync(a => a.OwnerId == other));
            Assert.Equal(1, await db.ActivityFiles.CountAsync(a => a.OwnerId == other));
            Assert.True(await db.Runners.AnyAsync(r => r.Id == Runner.LocalId));
        }
    }

    private sealed class OtherRunner(Guid id) : ICurrentRunner
    {
        public Guid RunnerId => id;
    }
}
