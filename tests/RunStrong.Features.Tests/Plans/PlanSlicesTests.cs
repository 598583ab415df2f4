using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Plans;

/// <summary>The plan slices on a real database, SQLite and PostgreSQL, with a fixed clock.</summary>
public class PlanSlicesTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    /// <summary>Monday 30 November 2026, 09:00 UTC.</summary>
    private static readonly TimeProvider Clock = TestClock.At(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Issue 4's sample profile.</summary>
    internal const string IssueProfile = """
        {"experience": "none", "equipment": ["none", "loop-band"], "locations": ["home"], "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}, "race": {"distance": "10k", "date": "2027-04-18"}, "start": "2026-12-07"}
        """;

    private const string OutdoorProfile = """
        {"experience": "some", "equipment": ["none", "loop-band"], "locations": ["home", "outdoors"], "week": {"tue": "quality", "wed": "easy", "thu": "easy", "sat": "easy", "sun": "long"}}
        """;

    [Theory, MemberData(nameof(Engines))]
    public async Task Create_ThenGet_RegeneratesTheSamePlanAsAPreview(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);
        var catalogue = new ExerciseCatalogue(db);

        var created = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", IssueProfile));
        var stored = await GetPlan.HandleAsync(db, catalogue, LocalRunner.Instance, Clock, created.Id);
        var preview = await PreviewPlan.HandleAsync(catalogue, Clock, new PreviewPlan.Request(IssueProfile));

        Assert.Equal("Spring 10k", stored.Name);
        Assert.Equal(new DateOnly(2026, 12, 7), stored.StartDate);
        Assert.Null(stored.Weeks);
        Assert.Equal(new DateOnly(2027, 4, 18), stored.Plan.Days.Last().Date);
        Assert.Equal(PlannedRunType.Race, stored.Plan.Days.Last().Run!.Type);
        Assert.Equal(PlanJson.Serialize(preview.Plan), PlanJson.Serialize(stored.Plan));
        Assert.Equal(43, created.CalendarToken.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", created.CalendarToken);
    }

    /// <summary>
    /// A profile sent without units or a start (a script, the CLI) reads in the runner's own settings: their miles and
    /// pounds, and their today in their time zone (Monday evening in Los Angeles is Tuesday in UTC).
    /// </summary>
    [Theory, MemberData(nameof(Engines))]
    public async Task APlanFromAProfileWithoutUnits_IsInTheRunnersUnits_FromTheirToday(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);
        var catalogue = new ExerciseCatalogue(db);
        var preferences = await Features.Settings.RunnerSettings.UpdatePreferencesAsync(db, LocalRunner.Instance,
            new Features.Settings.RunnerSettings.PreferencesRequest("mi", "lb", "America/Los_Angeles"));
        var tuesdayInUtc = TestClock.At(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero));

        var preview = await PreviewPlan.HandleAsync(catalogue, tuesdayInUtc, new PreviewPlan.Request(OutdoorProfile, Weeks: 8, Runner: preferences));
        var created = await CreatePlan.HandleAsync(db, LocalRunner.Instance, tuesdayInUtc, new CreatePlan.Request(null, OutdoorProfile, Weeks: 8));
        var stored = await GetPlan.HandleAsync(db, catalogue, LocalRunner.Instance, tuesdayInUtc, created.Id);
        var inKm = await PreviewPlan.HandleAsync(catalogue, tuesdayInUtc, new PreviewPlan.Request(
            OutdoorProfile.Replace("\"week\"", "\"units\": {\"distance\": \"km\"}, \"week\"", StringComparison.Ordinal), Weeks: 8, Runner: preferences));

        Assert.Equal((new DateOnly(2026, 11, 30), DistanceUnit.Mi, WeightUnit.Lb), (preview.Start, preview.Profile.DistanceUnit, preview.Profile.WeightUnit));
        Assert.Equal(new DateOnly(2026, 11, 30), stored.StartDate);
        Assert.Equal(PlanJson.Serialize(preview.Plan), PlanJson.Serialize(stored.Plan));
        var record = await db.Plans.AsNoTracking().SingleAsync();
        Assert.Contains("\"units\":{\"distance\":\"mi\",\"weight\":\"lb\"}", record.ProfileJson, StringComparison.Ordinal);
        // Units the profile gives are its own; the one it leaves out is the runner's.
        Assert.Equal((DistanceUnit.Km, WeightUnit.Lb), (inKm.Profile.DistanceUnit, inKm.Profile.WeightUnit));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Create_WithoutStartOrName_PinsTodayAndNamesThePlan(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);

        var created = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request(null, OutdoorProfile, Weeks: 8));
        var stored = await GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, created.Id);

        Assert.Equal("8 weeks from 30 Nov 2026", stored.Name);
        Assert.Equal(new DateOnly(2026, 11, 30), stored.StartDate);
        Assert.Equal(8, stored.Weeks);
        Assert.Equal(8, stored.Plan.Weeks.Count);
        Assert.Equal("2026-11-30", stored.Profile.GetProperty("start").GetString());
        Assert.Contains(stored.Plan.Days, d => d.Sessions.Any(s => s.Kind == SessionKind.HillSprints));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Update_RePlans_AndKeepsLoggedSessions(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);
        var catalogue = new ExerciseCatalogue(db);
        var created = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", IssueProfile));
        db.StrengthSessions.Add(new StrengthSessionRecord
        {
            OwnerId = LocalRunner.Instance.RunnerId,
            Date = new DateOnly(2026, 12, 8),
            PlanId = created.Id,
            PlannedSessionKey = "2026-12-08#1",
            SessionRpe = 6,
            CreatedAt = Clock.GetUtcNow().UtcDateTime,
            Sets = [new LoggedSetRecord { OwnerId = LocalRunner.Instance.RunnerId, ExerciseSlug = "glute-bridge", VariantSlug = "bodyweight", Reps = 15, Rpe = 7 }],
        });
        await db.SaveChangesAsync();

        // Quality moves to Wednesday and the runner gains the outdoors: the plan changes, the log does not.
        var changed = IssueProfile.Replace("\"tue\": \"quality\", \"wed\": \"easy\"", "\"tue\": \"easy\", \"wed\": \"quality\"", StringComparison.Ordinal)
            .Replace("\"locations\": [\"home\"]", "\"locations\": [\"home\", \"outdoors\"]", StringComparison.Ordinal);
        await UpdatePlan.HandleAsync(db, LocalRunner.Instance, Clock, created.Id, new UpdatePlan.Request("Spring 10k, v2", changed));
        var stored = await GetPlan.HandleAsync(db, catalogue, LocalRunner.Instance, Clock, created.Id);

        Assert.Equal("Spring 10k, v2", stored.Name);
        Assert.Equal(PlannedRunType.Quality, stored.Plan.Days.Single(d => d.Date == new DateOnly(2026, 12, 9)).Run!.Type);
        Assert.Contains(stored.Plan.Days, d => d.Sessions.Any(s => s.Kind == SessionKind.HillSprints));
        var logged = await db.StrengthSessions.Include(s => s.Sets).SingleAsync();
        Assert.Equal(created.Id, logged.PlanId);
        Assert.Equal("2026-12-08#1", logged.PlannedSessionKey);
        Assert.Equal(15, Assert.Single(logged.Sets).Reps);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Delete_RemovesThePlan_KeepsTheLogUnlinked(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);
        var created = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", IssueProfile));
        var other = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Base block", OutdoorProfile, Weeks: 6));
        db.StrengthSessions.Add(new StrengthSessionRecord { OwnerId = LocalRunner.Instance.RunnerId, Date = new DateOnly(2026, 12, 8), PlanId = created.Id, CreatedAt = Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();

        await DeletePlan.HandleAsync(db, LocalRunner.Instance, created.Id);

        var left = await ListPlans.HandleAsync(db, LocalRunner.Instance);
        Assert.Equal([other.Id], left.Select(p => p.Id));
        var missing = await Assert.ThrowsAsync<UserInputException>(() => GetPlan.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, Clock, created.Id));
        Assert.True(missing.NotFound);
        Assert.Null((await db.StrengthSessions.SingleAsync()).PlanId);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task RotateToken_OldTokenStopsWorking_NewOneServesTheCalendar(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);
        var catalogue = new ExerciseCatalogue(db);
        var created = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", IssueProfile));
        var before = await GetPlanByCalendarToken.HandleAsync(db, catalogue, Clock, created.CalendarToken);

        var rotated = await RotateCalendarToken.HandleAsync(db, LocalRunner.Instance, Clock, created.Id);

        Assert.NotEqual(created.CalendarToken, rotated.CalendarToken);
        var old = await Assert.ThrowsAsync<UserInputException>(() => GetPlanByCalendarToken.HandleAsync(db, catalogue, Clock, created.CalendarToken));
        Assert.True(old.NotFound);
        var after = await GetPlanByCalendarToken.HandleAsync(db, catalogue, Clock, rotated.CalendarToken);
        Assert.Equal(created.Id, after.Id);
        var calendar = Ical.Net.Calendar.Load(after.Ics)!;
        Assert.Equal(Ical.Net.Calendar.Load(before.Ics)!.Events.Count, calendar.Events.Count);
        Assert.NotEmpty(calendar.Events);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task CalendarUids_SurviveARename_AndDifferBetweenPlansOfTheSameName(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);
        var catalogue = new ExerciseCatalogue(db);
        var first = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", IssueProfile));
        var twin = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", IssueProfile));
        async Task<List<string>> Uids(string token) =>
            Ical.Net.Calendar.Load((await GetPlanByCalendarToken.HandleAsync(db, catalogue, Clock, token)).Ics)!.Events.Select(e => e.Uid!).ToList();
        var before = await Uids(first.CalendarToken);

        await UpdatePlan.HandleAsync(db, LocalRunner.Instance, Clock, first.Id, new UpdatePlan.Request("Spring 10k (renamed)", IssueProfile));

        Assert.Equal(before, await Uids(first.CalendarToken));
        Assert.Empty(before.Intersect(await Uids(twin.CalendarToken)));
        var export = await ExportPlanCalendar.HandleAsync(db, catalogue, LocalRunner.Instance, Clock, first.Id);
        Assert.Equal("spring-10k-renamed.ics", export.FileName);
        Assert.Equal(before, Ical.Net.Calendar.Load(export.Ics)!.Events.Select(e => e.Uid!).ToList());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task AnotherRunnersPlan_IsNotFound(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = DataServices.CreateContext(database.Target);
        var created = await CreatePlan.HandleAsync(db, LocalRunner.Instance, Clock, new CreatePlan.Request("Spring 10k", IssueProfile));
        var stranger = new OtherRunner();

        Assert.Empty(await ListPlans.HandleAsync(db, stranger));
        var e = await Assert.ThrowsAsync<UserInputException>(() => DeletePlan.HandleAsync(db, stranger, created.Id));
        Assert.True(e.NotFound);
        Assert.Single(await ListPlans.HandleAsync(db, LocalRunner.Instance));
    }

    [Theory]
    [InlineData("\"race\": {\"distance\": \"10k\", \"date\": \"2026-11-01\"}, \"start\": \"2026-10-01\"", "race.date", "race.date: 2026-11-01 is in the past")]
    [InlineData("\"race\": {\"distance\": \"10k\", \"date\": \"2026-12-20\"}, \"start\": \"2027-01-04\"", "race.date", "race.date: 2026-12-20 is before the plan's start 2027-01-04")]
    [InlineData("\"equipment\": [\"none\", \"kettle\"]", "equipment[1]", "equipment[1]: unknown equipment 'kettle'")]
    public async Task Preview_BadProfile_NamesTheField(string extra, string field, string message)
    {
        await using var database = TestDatabases.CreateSqlite();
        await DataServices.MigrateAsync(database.Target);
        await using var db = DataServices.CreateContext(database.Target);
        var json = $"{{\"week\": {{\"tue\": \"quality\", \"sun\": \"long\"}}, {extra}}}";

        var e = await Assert.ThrowsAsync<UserInputException>(() => PreviewPlan.HandleAsync(new ExerciseCatalogue(db), Clock, new PreviewPlan.Request(json)));

        Assert.Equal(field, e.Field);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"week\": {\"mon\": \"rest\", \"sun\": \"rest\"}}", null, "week", "week: no running day")]
    [InlineData("{\"week\": {\"tue\": \"quality\", \"funday\": \"easy\"}}", null, "week.funday", "week.funday: unknown weekday")]
    [InlineData("{\"week\": {\"tue\": \"quality\"}, \"race\": {\"distance\": \"10k\", \"date\": \"2027-04-18\"}}", 10, "weeks", "weeks: the plan runs to race day")]
    [InlineData("{\"week\": ", null, "profile", "profile: not valid JSON")]
    [InlineData("", null, "profile", "profile: required")]
    public void Read_BadInput_NamesTheField(string json, int? weeks, string field, string message)
    {
        var e = Assert.Throws<UserInputException>(() => PlanInput.Read(json, null, weeks, new DateOnly(2026, 11, 30)));

        Assert.Equal(field, e.Field);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarTokens_AreUrlSafeAndDifferent()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => CalendarToken.New()).ToList();

        Assert.Equal(50, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
    }

    private sealed class OtherRunner : ICurrentRunner
    {
        public Guid RunnerId { get; } = Guid.Parse("5d0c6f7e-0000-4000-8000-000000000002");
    }
}
