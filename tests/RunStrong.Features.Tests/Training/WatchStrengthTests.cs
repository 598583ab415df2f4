using Microsoft.EntityFrameworkCore;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Training;

/// <summary>
/// Issue 15, part 2 on real databases: a strength activity from a watch (encoded by Garmin's own FIT SDK,
/// tests/fitsdk/encode-strength.mjs) imports as a logged strength session on its day, linked to the plan's strength
/// session; importing it again stores nothing more; a session already logged by hand waits for the runner's choice;
/// a Garmin name without a catalogue exercise is mapped once and remembered.
/// </summary>
public sealed class WatchStrengthTests : IDisposable
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly TimeProvider Clock = TestClock.Create();

    /// <summary>This week's Monday (the gym plan started the Monday before).</summary>
    private static DateOnly Monday => TestClock.ThisMonday;

    /// <summary>The first day of this week with a planned strength session in the seeded gym plan.</summary>
    private static async Task<DateOnly> StrengthDayAsync(Data.RunStrongDbContext db)
    {
        var catalogue = await new RunStrong.Features.Catalogue.ExerciseCatalogue(db).AllAsync();
        for (var day = Monday; day < Monday.AddDays(7); day = day.AddDays(1))
        {
            if ((await TrainingPlan.ForDayAsync(db, LocalRunner.Instance, catalogue, day, CancellationToken.None))?.StrengthOn(day).Count > 0)
            {
                return day;
            }
        }

        throw new InvalidOperationException("the gym plan has no strength session this week");
    }

    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-watch-strength-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Encode(string unit, DateOnly day, string name = "strength.fit") =>
        GarminFitSdk.EncodeStrength(Path.Combine(_folder, name), day.ToDateTime(new TimeOnly(7, 30), DateTimeKind.Utc), unit);

    private static async Task<ImportActivities.Report> ImportAsync(Data.RunStrongDbContext db, params string[] paths) =>
        await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, Clock, paths));

    private static string Show(LoggedSetView s) =>
        $"{s.Exercise}/{s.Variant} {s.Reps}{(s.LoadValue is { } v ? $"x{v:0.##}{s.LoadUnit}" : "")}";

    [Theory, MemberData(nameof(Engines))]
    public async Task StrengthFit_InPounds_LogsItsActiveSetsOnItsDay_LinkedToThePlannedSession_AndOnceOnly(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var planId = await TrainingPlans.SeedAsync(database, Monday.AddDays(-7));
        await using var db = database.CreateContext();
        var strengthDay = await StrengthDayAsync(db);
        var path = Encode("pound", strengthDay);

        var first = await ImportAsync(db, path);

        var file = Assert.Single(first.Files);
        Assert.Equal(ImportActivities.FileStatus.Imported, file.Status);
        var logged = file.Strength!;
        Assert.Equal((strengthDay, 6, 2), (logged.Date, logged.Sets, logged.UnmappedSets));
        Assert.Null(logged.MergeWithSessionId);
        var day = await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, strengthDay);
        var session = Assert.Single(day.Watch);
        Assert.Equal(file.ActivityId, session.SourceActivityId);
        Assert.Equal(planId, session.PlanId);
        Assert.Equal(day.Planned.Single().Key, session.PlannedSessionKey);
        // Rest sets dropped; pounds as entered (135 lb, not FIT's 61.25 kg = 135.03 lb); the hip thrust's loaded rung.
        Assert.Equal(
            ["hip-thrust/barbell 10x135lb", "hip-thrust/barbell 10x135lb", "squat/barbell 8x95lb", "unmapped/ 8x65lb", "glute-bridge/bodyweight 15", "unmapped/ 12"],
            session.Sets.Select(Show));
        Assert.Equal(
            ["hip-raise/barbell-hip-thrust-with-bench", "hip-raise/barbell-hip-thrust-with-bench", "squat/barbell-back-squat", "bench-press/barbell-bench-press", "hip-raise/hip-raise", "unknown/"],
            session.Sets.Select(s => s.Garmin));
        // The hand-logging rows of the planned session stay for hand logging: the watch's sets are not put into them.
        Assert.Null(day.Planned.Single().SessionId);
        // Progress counts the mapped sets, not the ones waiting for a name.
        var domain = TrainingData.ToDomain(await TrainingData.SessionRecordsAsync(db, LocalRunner.Instance, CancellationToken.None));
        Assert.Equal(4, Assert.Single(domain).Sets.Count);

        var again = await ImportAsync(db, path);

        Assert.Equal(ImportActivities.FileStatus.Duplicate, Assert.Single(again.Files).Status);
        Assert.Equal(1, await db.StrengthSessions.CountAsync());
        Assert.Equal(6, await db.LoggedSets.CountAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task StrengthFit_InKilograms_KeepsKilograms(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();

        var report = await ImportAsync(db, Encode("kilogram", Monday));

        var session = (await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, Monday)).Watch.Single();
        Assert.Null(session.PlannedSessionKey);
        Assert.Equal(
            ["hip-thrust/barbell 10x60kg", "hip-thrust/barbell 10x60kg", "squat/barbell 8x42.5kg", "unmapped/ 8x30kg", "glute-bridge/bodyweight 15", "unmapped/ 12"],
            session.Sets.Select(Show));
        Assert.Equal(6, Assert.Single(report.Files).Strength!.Sets);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task SessionLoggedByHand_WatchSessionWaitsForTheRunnersChoice_KeepWatchs_ReplacesIt(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await TrainingPlans.SeedAsync(database, Monday.AddDays(-7));
        await using var db = database.CreateContext();
        var strengthDay = await StrengthDayAsync(db);
        var hand = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = strengthDay,
            Sets = [SetNotation.Parse("10x135lb@7", 0, "hip-thrust", "barbell"), SetNotation.Parse("10x135lb@8", 1, "hip-thrust", "barbell")],
        });
        Assert.NotNull(hand.PlannedSessionKey);

        var logged = (await ImportAsync(db, Encode("pound", strengthDay))).Files.Single().Strength!;

        Assert.Equal(hand.Id, logged.MergeWithSessionId);
        Assert.Null(logged.PlannedSessionKey);
        var domain = TrainingData.ToDomain(await TrainingData.SessionRecordsAsync(db, LocalRunner.Instance, CancellationToken.None));
        Assert.Equal(2, Assert.Single(domain).Sets.Count);

        var choice = await WatchStrength.ChooseAsync(db, LocalRunner.Instance, logged.SessionId, WatchStrength.Keep.Watch);

        Assert.Equal(logged.SessionId, choice.WatchSessionId);
        var day = await TodaysSession.HandleAsync(db, LocalRunner.Instance, Clock, strengthDay);
        var kept = Assert.Single(day.Watch);
        Assert.Equal(hand.PlannedSessionKey, kept.PlannedSessionKey);
        Assert.Null(kept.MergeWithSessionId);
        Assert.Equal(1, await db.StrengthSessions.CountAsync());
        await Assert.ThrowsAsync<UserInputException>(() => WatchStrength.ChooseAsync(db, LocalRunner.Instance, logged.SessionId, WatchStrength.Keep.Mine));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task SessionLoggedByHand_KeepMine_DeletesTheWatchSession_KeepBoth_KeepsItUnplanned(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await TrainingPlans.SeedAsync(database, Monday.AddDays(-7));
        await using var db = database.CreateContext();
        var strengthDay = await StrengthDayAsync(db);
        var hand = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = strengthDay,
            Sets = [SetNotation.Parse("10x135lb@7", 0, "hip-thrust", "barbell")],
        });
        var mine = (await ImportAsync(db, Encode("pound", strengthDay, "a.fit"))).Files.Single().Strength!;
        // A second strength activity that day, in the evening: another activity, asked about too.
        var evening = GarminFitSdk.EncodeStrength(Path.Combine(_folder, "b.fit"), strengthDay.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc), "kilogram");
        var both = (await ImportAsync(db, evening)).Files.Single().Strength!;
        Assert.Equal((hand.Id, hand.Id), (mine.MergeWithSessionId, both.MergeWithSessionId));

        await WatchStrength.ChooseAsync(db, LocalRunner.Instance, mine.SessionId, WatchStrength.Keep.Mine);
        await WatchStrength.ChooseAsync(db, LocalRunner.Instance, both.SessionId, WatchStrength.Keep.Both);

        var sessions = await db.StrengthSessions.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal([hand.Id, both.SessionId], sessions.Select(s => s.Id));
        Assert.Equal([hand.PlannedSessionKey, null], sessions.Select(s => s.PlannedSessionKey));
        Assert.All(sessions, s => Assert.Null(s.MergeWithSessionId));
        // The activity of the session not kept stays in the log.
        Assert.Equal(2, await db.Activities.CountAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task UnmappedGarminName_MappedOnce_AppliesToItsSets_AndToLaterImports(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await ImportAsync(db, Encode("kilogram", Monday.AddDays(-2), "first.fit"));
        var waiting = await WatchStrength.NamesAsync(db, LocalRunner.Instance);
        Assert.Equal(
            [("bench-press/barbell-bench-press", "Barbell bench press (bench press)", 1), ("unknown/", "an exercise your watch did not recognise", 1)],
            waiting.Select(n => (n.Garmin, n.Label, n.UnmappedSets)));

        var changed = await WatchStrength.MapAsync(db, LocalRunner.Instance, Clock, "bench-press/barbell-bench-press", "romanian-deadlift", "barbell");
        var unknown = await WatchStrength.MapAsync(db, LocalRunner.Instance, Clock, "unknown/", "clamshell", null);

        Assert.Equal((1, 1), (changed, unknown));
        var second = (await ImportAsync(db, Encode("kilogram", Monday, "second.fit"))).Files.Single().Strength!;
        Assert.Equal(1, second.UnmappedSets);
        var sets = await db.LoggedSets.AsNoTracking().Where(s => s.GarminExercise == "bench-press/barbell-bench-press").ToListAsync();
        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.Equal(("romanian-deadlift", "barbell"), (s.ExerciseSlug, s.VariantSlug)));
        // An unknown exercise is mapped where it stands, never remembered: the next one may be another exercise.
        Assert.Equal(["clamshell", WatchStrength.Unmapped],
            (await db.LoggedSets.AsNoTracking().Where(s => s.GarminExercise == "unknown/").OrderBy(s => s.Id).ToListAsync()).Select(s => s.ExerciseSlug));
        var names = await WatchStrength.NamesAsync(db, LocalRunner.Instance);
        Assert.Equal([("unknown/", 1, (string?)null), ("bench-press/barbell-bench-press", 0, "romanian-deadlift")],
            names.Select(n => (n.Garmin, n.UnmappedSets, n.Exercise)));
        var bad = await Assert.ThrowsAsync<UserInputException>(() => WatchStrength.MapAsync(db, LocalRunner.Instance, Clock, "squat/goblet-squat", "no-such-exercise", null));
        Assert.Equal("exercise", bad.Field);
    }
}
