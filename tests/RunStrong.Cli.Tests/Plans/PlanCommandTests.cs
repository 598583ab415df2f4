using System.Globalization;
using System.Text.Json;
using RunStrong.Cli.Tests.Infrastructure;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Plans;

/// <summary><c>runstrong plan</c>, <c>plan save</c> and <c>plans</c> run as a user would, on issue 4's sample profile.</summary>
public sealed class PlanCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"runstrong-plan-{Guid.NewGuid():N}");
    private TestDatabase _db = null!;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    /// <summary>
    /// The issue's sample profile, dated from the Monday after the suite's today with the sample's 132 days to race day
    /// (on 30 Nov 2026 that is the sample's own 2026-12-07 and 2027-04-18), so the race is never in the past.
    /// </summary>
    private static (DateOnly Start, DateOnly Race) SampleDates => (TestClock.NextMonday, TestClock.NextMonday.AddDays(132));

    private static string SampleProfile(string? week = null, string? equipment = null, string? race = null) =>
        $$"""
        {"experience": "none", "equipment": {{equipment ?? "[\"none\", \"loop-band\"]"}}, "locations": ["home"], "week": {{week ?? "{\"mon\": \"rest\", \"tue\": \"quality\", \"wed\": \"easy\", \"thu\": \"easy\", \"fri\": \"rest\", \"sat\": \"easy\", \"sun\": \"long\"}"}}, "race": {{race ?? $"{{\"distance\": \"10k\", \"date\": \"{Iso(SampleDates.Race)}\"}}"}}, "start": "{{Iso(SampleDates.Start)}}"}
        """;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _db = await TestDatabases.CreateAsync("sqlite");
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Json_HasTheIssueShape_AndEndsOnRaceDay()
    {
        var profile = Write("profile.json", SampleProfile());

        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--format", "json", "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var root = result.Json;
        Assert.Equal(["weeks", "warnings"], Names(root));
        var weeks = root.GetProperty("weeks").EnumerateArray().ToArray();
        Assert.Equal(19, weeks.Length);
        Assert.All(weeks, w => Assert.Equal(["index", "phase", "days"], Names(w)));
        Assert.Equal(["base", "build", "peak", "taper"], weeks.Select(w => w.GetProperty("phase").GetString()).Distinct());
        var days = weeks.SelectMany(w => w.GetProperty("days").EnumerateArray()).ToArray();
        Assert.All(days, d => Assert.Equal(["date", "run", "sessions"], Names(d)));
        Assert.Equal(Iso(SampleDates.Start), days[0].GetProperty("date").GetString());
        Assert.Equal(Iso(SampleDates.Race), days[^1].GetProperty("date").GetString());
        Assert.Equal("race", days[^1].GetProperty("run").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, days[0].GetProperty("run").ValueKind);
        var sessions = days.SelectMany(d => d.GetProperty("sessions").EnumerateArray()).ToArray();
        Assert.All(sessions, s => Assert.Equal(["kind", "reason", "exercises"], Names(s)));
        // Issue 12: hill sprints for a runner at home too.
        Assert.Equal(["drills", "hill-sprints", "strength"], sessions.Select(s => s.GetProperty("kind").GetString()).Distinct().Order());
        var exercises = sessions.SelectMany(s => s.GetProperty("exercises").EnumerateArray()).ToArray();
        Assert.All(exercises, e => Assert.Equal(["slug", "variant", "sets", "repsMin", "repsMax", "seconds", "rpe", "restSeconds", "load", "loadNote", "fromLog"], Names(e)));
        // Home with a loop band: never a barbell, never a load.
        Assert.DoesNotContain(exercises, e => e.GetProperty("variant").GetString()!.Contains("barbell", StringComparison.Ordinal));
        Assert.All(exercises, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("load").ValueKind));
        Assert.DoesNotContain(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("No hill sprints", StringComparison.Ordinal));
        var runs = days.Select(d => d.GetProperty("run")).Where(r => r.ValueKind != JsonValueKind.Null).ToArray();
        Assert.All(runs, r => Assert.Equal(["type", "target"], Names(r)));
    }

    [Fact]
    public async Task Ics_ToAFile_ParsesWithIcalNet()
    {
        var profile = Write("profile.json", SampleProfile());
        var output = Path.Combine(_folder, "plan.ics");

        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--format", "ics", "--out", output, "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stdout);
        var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync(output))!;
        Assert.True(calendar.Events.Count > 40, $"{calendar.Events.Count} events");
        var strength = calendar.Events.Where(e => e.Summary!.StartsWith("Strength:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(strength);
        Assert.All(strength, e => Assert.Contains("RPE", e.Description, StringComparison.Ordinal));
        Assert.All(calendar.Events, e => Assert.True(e.Start!.Date >= SampleDates.Start && e.Start.Date <= SampleDates.Race));
    }

    [Fact]
    public async Task Table_FitsAn80ColumnTerminal()
    {
        var profile = Write("profile.json", SampleProfile());

        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        Assert.StartsWith("Week 1 (base)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("strength: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" race", StringComparison.Ordinal) && l.Contains(SampleDates.Race.ToString("dd MMM", CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoRace_WeeksOption_SetsTheLength()
    {
        var profile = Write("profile.json", """{"week": {"tue": "quality", "thu": "easy", "sun": "long"}, "locations": ["outdoors"]}""");

        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--start", Iso(SampleDates.Start), "--weeks", "6", "--format", "json", "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var weeks = result.Json.GetProperty("weeks").EnumerateArray().ToArray();
        Assert.Equal(6, weeks.Length);
        Assert.Contains(weeks.SelectMany(w => w.GetProperty("days").EnumerateArray()).SelectMany(d => d.GetProperty("sessions").EnumerateArray()),
            s => s.GetProperty("kind").GetString() == "hill-sprints");
    }

    public static TheoryData<string, string, string[], string> BadInputs => new()
    {
        { "race in the past", """{"week": {"tue": "quality", "sun": "long"}, "race": {"distance": "10k", "date": "2020-04-18"}, "start": "2020-01-06"}""", [], "race.date: 2020-04-18 is in the past" },
        { "race before start", SampleProfile(), ["--start", Iso(SampleDates.Race.AddDays(7))], $"race.date: {Iso(SampleDates.Race)} is before the plan's start" },
        { "no running", SampleProfile(week: """{"mon": "rest", "tue": "rest"}"""), [], "week: no running day" },
        { "unknown equipment", SampleProfile(equipment: """["none", "kettle"]"""), [], "equipment[1]: unknown equipment 'kettle'" },
        { "unknown weekday", SampleProfile(week: """{"tue": "quality", "funday": "easy"}"""), [], "week.funday: unknown weekday" },
        { "bad start", SampleProfile(), ["--start", "7/12/2026"], "--start: '7/12/2026' is not a date" },
        { "start at the calendar's end", SampleProfile(), ["--start", "9999-12-31"], "start: 9999-12-31 is not a day a plan can start (1990-01-01 to a year after today" },
        { "start at the calendar's beginning", SampleProfile(), ["--start", "0001-01-01"], "start: 0001-01-01 is not a day a plan can start" },
        { "bad format", SampleProfile(), ["--format", "pdf"], "--format: unknown format 'pdf'" },
    };

    [Theory, MemberData(nameof(BadInputs))]
    public async Task BadInput_ExitsOne_NamingTheField(string what, string profileJson, string[] extra, string expected)
    {
        var profile = Write("profile.json", profileJson);

        var result = await CliProcess.RunAsync(["plan", "--profile", profile, .. extra, "--db", _db.DbArgument]);

        Assert.True(result.ExitCode == 1, $"{what}: exit {result.ExitCode}, {result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("runstrong: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableFile_ExitsOne_NamingTheOptionAndFile()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var result = await CliProcess.RunAsync("plan", "--profile", missing, "--db", _db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"runstrong: --profile: cannot read {missing}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotJson_ExitsOne_NamingTheFile()
    {
        var profile = Write("broken.json", "{\"week\": ");

        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--db", _db.DbArgument);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"runstrong: {profile}: profile: not valid JSON", result.Stderr, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Save_ThenList_ShowsTheStoredPlan(string engine)
    {
        await using var db = await TestDatabases.CreateAsync(engine);
        var profile = Write("profile.json", SampleProfile());

        var saved = await CliProcess.RunAsync("plan", "save", "--profile", profile, "--name", "Spring 10k", "--json", "--db", db.DbArgument);
        var list = await CliProcess.RunAsync("plans", "--json", "--db", db.DbArgument);
        var table = await CliProcess.RunAsync("plans", "--db", db.DbArgument);

        Assert.True(saved.ExitCode == 0, saved.Stderr);
        var id = saved.Json.GetProperty("id").GetInt64();
        var plan = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal(id, plan.GetProperty("id").GetInt64());
        Assert.Equal("Spring 10k", plan.GetProperty("name").GetString());
        Assert.Equal(Iso(SampleDates.Start), plan.GetProperty("startDate").GetString());
        Assert.Contains("Spring 10k", table.Stdout, StringComparison.Ordinal);
    }

    // ---- Issue 15: workouts for a watch ---------------------------------------------------------------------------------

    [Fact]
    public async Task Fit_ToAFolder_WritesAWorkoutPerSession_NamedByDateAndKind_ThatGarminsSdkDecodes()
    {
        var profile = Write("profile.json", GymProfile());
        var folder = Path.Combine(_folder, "watch");

        var json = await CliProcess.RunAsync("plan", "--profile", profile, "--format", "json", "--db", _db.DbArgument);
        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--format", "fit", "--out", folder, "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var sessions = json.Json.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .SelectMany(d => d.GetProperty("sessions").EnumerateArray().Select(s => (Date: d.GetProperty("date").GetString()!, Kind: s.GetProperty("kind").GetString()!)))
            .ToArray();
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(sessions.Length, files.Length);
        Assert.Equal(sessions.Select(s => $"{s.Date}-{s.Kind}.fit").Order(StringComparer.Ordinal), files.Select(Path.GetFileName));
        Assert.Equal(files, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Contains($"{files.Length} workouts written to {folder}", result.Stderr, StringComparison.Ordinal);

        var decoded = GarminFitSdk.Decode(files).GetProperty("files");
        foreach (var file in files)
        {
            var entry = decoded.GetProperty(file);
            Assert.True(entry.GetProperty("errors").GetArrayLength() == 0, $"{file}: {entry.GetProperty("errors")}");
            Assert.Equal("workout", entry.GetProperty("fileId")[0].GetProperty("type").GetString());
            var expectedSport = file.EndsWith("-hill-sprints.fit", StringComparison.Ordinal) ? "running" : "training";
            Assert.Equal(expectedSport, entry.GetProperty("workout")[0].GetProperty("sport").GetString());
            Assert.True(entry.GetProperty("steps").GetArrayLength() > 0, file);
        }

        Assert.Contains(files, f => f.EndsWith("-strength.fit", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("-hill-sprints.fit", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("-drills.fit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fit_WithoutOut_IsRefusedAskingForTheFolder()
    {
        var profile = Write("profile.json", SampleProfile());

        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--format", "fit", "--db", _db.DbArgument);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--out: --format fit writes one .fit file per session: give the folder", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Fit_ForASavedPlan_WritesItsSessions()
    {
        var profile = Write("profile.json", GymProfile());
        var saved = await CliProcess.RunAsync("plan", "save", "--profile", profile, "--name", "Spring 10k", "--json", "--db", _db.DbArgument);
        Assert.True(saved.ExitCode == 0, saved.Stderr);
        var id = saved.Json.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        var folder = Path.Combine(_folder, "saved");

        var json = await CliProcess.RunAsync("plan", "--plan", id, "--format", "json", "--db", _db.DbArgument);
        var result = await CliProcess.RunAsync("plan", "--plan", id, "--format", "fit", "--out", folder, "--db", _db.DbArgument);
        var mixed = await CliProcess.RunAsync("plan", "--plan", id, "--profile", profile, "--format", "fit", "--out", folder, "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var sessionCount = json.Json.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Sum(d => d.GetProperty("sessions").GetArrayLength());
        var files = Directory.GetFiles(folder);
        Assert.Equal(sessionCount, files.Length);
        var strength = files.Order(StringComparer.Ordinal).First(f => f.EndsWith("-strength.fit", StringComparison.Ordinal));
        var entry = GarminFitSdk.Decode(strength).GetProperty("files").GetProperty(strength);
        Assert.Equal(0, entry.GetProperty("errors").GetArrayLength());
        Assert.Equal("strengthTraining", entry.GetProperty("workout")[0].GetProperty("subSport").GetString());
        Assert.NotEqual(0, mixed.ExitCode);
        Assert.Contains("--plan: a saved plan has its own profile", mixed.Stderr, StringComparison.Ordinal);
    }

    // ---- Issue 15 part 3: the plan follows what was done ---------------------------------------------------------------

    [Fact]
    public async Task SavedPlan_Table_ShowsTuesdayMissedAndOffered_ThursdaysImportedRunDone()
    {
        // The clock on the Friday of the real run's week (FollowedWeek: every date comes from the file).
        var friday = new Dictionary<string, string?> { [Features.Common.Clocks.EnvironmentVariable] = TestClock.Iso(FollowedWeek.At(FollowedWeek.Friday)) };
        var zone = await CliProcess.RunWithAsync(friday, 160, "settings", "--time-zone", FollowedWeek.TimeZone, "--db", _db.DbArgument);
        var import = await CliProcess.RunWithAsync(friday, 160, "import", FollowedWeek.RunFile, "--db", _db.DbArgument);
        Assert.True(zone.ExitCode == 0 && import.ExitCode == 0, zone.Stderr + import.Stderr);
        var id = await TrainingPlans.SeedAsync(_db, FollowedWeek.Monday, "Winter base", FollowedWeek.ProfileJson);

        var result = await CliProcess.RunWithAsync(friday, 160, "plan", "--plan", id.ToString(CultureInfo.InvariantCulture), "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = System.Text.RegularExpressions.Regex.Replace(result.Stdout, @"\s+", " ");
        Assert.Contains("fire-hydrant 2x12-20 @7 [missed: offered Sun]", table, StringComparison.Ordinal);
        Assert.Contains("(RPE 3-4) [done] hill sprints: 1x8s [missed]", table, StringComparison.Ordinal);
        Assert.Contains("Sun 30 Dec long run: 60-75 min; easy and steady, conversational all the way (RPE 3-5) strength: Tuesday's session, moved here (missed Tuesday) [offered]", table, StringComparison.Ordinal);
        // Friday (today) is still to do: no status.
        Assert.Contains("side-lying-hip-abduction 2x12-20 @7 Sat 29 Dec", table, StringComparison.Ordinal);
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    // ---- Issue 12: the seed's training ---------------------------------------------------------------------------------

    /// <summary>The issue's gym runner: the sample with a barbell, a bench and dumbbells, at home and at the gym.</summary>
    private static string GymProfile() =>
        SampleProfile(equipment: """["none", "loop-band", "barbell", "bench", "dumbbell"]""").Replace("\"locations\": [\"home\"]", "\"locations\": [\"home\", \"gym\"]", StringComparison.Ordinal);

    private async Task<JsonElement> PlanJsonAsync(string profileJson)
    {
        var profile = Write("profile.json", profileJson);
        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--format", "json", "--db", _db.DbArgument);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Json;
    }

    private sealed record Day(DateOnly Date, string? Run, JsonElement[] Sessions, string Phase);

    private static Day[] Days(JsonElement plan) =>
        plan.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray().Select(d => new Day(
            DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.GetProperty("run").ValueKind == JsonValueKind.Null ? null : d.GetProperty("run").GetProperty("type").GetString(),
            d.GetProperty("sessions").EnumerateArray().ToArray(),
            w.GetProperty("phase").GetString()!))).ToArray();

    private static bool Has(Day day, string kind) => day.Sessions.Any(s => s.GetProperty("kind").GetString() == kind);

    /// <summary>Issue 4's invariants, read off the JSON as a runner would: every one must hold, no exceptions.</summary>
    private static void AssertEarlierInvariants(JsonElement plan)
    {
        var days = Days(plan);
        var byDate = days.ToDictionary(d => d.Date);
        foreach (var day in days)
        {
            var next = byDate.GetValueOrDefault(day.Date.AddDays(1));
            if (next?.Run is "long" or "quality" or "race")
            {
                Assert.False(Has(day, "strength"), $"{day.Date}: strength the day before a {next.Run}");
                Assert.False(Has(day, "hill-sprints"), $"{day.Date}: hill sprints the day before a {next.Run}");
            }

            if (day.Run is "quality" or "race")
            {
                Assert.True(day.Sessions.Length > 0 && day.Sessions[0].GetProperty("kind").GetString() == "drills", $"{day.Date}: no drills before the {day.Run}");
            }
        }

        foreach (var week in plan.GetProperty("weeks").EnumerateArray().Where(w => w.GetProperty("phase").GetString() is "base" or "build"))
        {
            var strength = week.GetProperty("days").EnumerateArray().Count(d => d.GetProperty("sessions").EnumerateArray().Any(s => s.GetProperty("kind").GetString() == "strength"));
            Assert.True(strength >= 2, $"week {week.GetProperty("index").GetInt32()}: {strength} strength sessions");
        }
    }

    private static IEnumerable<JsonElement> StrengthExercises(JsonElement plan) =>
        Days(plan).SelectMany(d => d.Sessions).Where(s => s.GetProperty("kind").GetString() == "strength").SelectMany(s => s.GetProperty("exercises").EnumerateArray());

    [Fact]
    public async Task SampleProfile_HasHillSprints_KeepsEveryInvariant_AndTheSeedsHomeExercises()
    {
        var plan = await PlanJsonAsync(SampleProfile());

        Assert.Contains(Days(plan), d => Has(d, "hill-sprints"));
        AssertEarlierInvariants(plan);
        var slugs = StrengthExercises(plan).Select(e => e.GetProperty("slug").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "glute-bridge", "fire-hydrant", "squat" }, slugs);
    }

    [Fact]
    public async Task GymRunner_HasHillSprints_KeepsEveryInvariant_AndLiftsAllFiveSeedExercisesWithBarbellsAndLoads()
    {
        var plan = await PlanJsonAsync(GymProfile());

        Assert.Contains(Days(plan), d => Has(d, "hill-sprints"));
        AssertEarlierInvariants(plan);
        var exercises = StrengthExercises(plan).ToArray();
        foreach (var slug in new[] { "hip-thrust", "squat", "glute-bridge", "bulgarian-split-squat" })
        {
            var barbell = exercises.Where(e => e.GetProperty("slug").GetString() == slug && e.GetProperty("variant").GetString()!.StartsWith("barbell", StringComparison.Ordinal)).ToArray();
            Assert.True(barbell.Length > 0, $"{slug}: no barbell variant over the plan");
            Assert.All(barbell, e => Assert.Matches("^[0-9.]+kg$", e.GetProperty("load").GetString()));
        }

        // The fire hydrant has no barbell version: its loaded rung is a dumbbell in the crook of the knee.
        Assert.Contains(exercises, e => e.GetProperty("slug").GetString() == "fire-hydrant" && e.GetProperty("variant").GetString() == "dumbbell"
            && e.GetProperty("load").GetString() == "4kg");
        // Every loaded rung carries a load or says why not; unloaded rungs carry neither.
        var loaded = new[] { "barbell", "barbell-plus-band", "dumbbell", "dumbbells", "dumbbell-plus-band", "goblet" };
        Assert.All(exercises, e =>
        {
            var takesLoad = loaded.Contains(e.GetProperty("variant").GetString());
            Assert.Equal(takesLoad, e.GetProperty("load").ValueKind == JsonValueKind.String || e.GetProperty("loadNote").ValueKind == JsonValueKind.String);
        });
    }

    [Fact]
    public async Task GymRunner_WithARecentHipThrust_StartsAtItsLoad_InPounds()
    {
        var profile = GymProfile().Replace("\"start\"", "\"units\": {\"weight\": \"lb\"}, \"lifts\": [{\"exercise\": \"hip-thrust\", \"variant\": \"barbell\", \"reps\": 8, \"load\": \"90 lb\"}], \"start\"", StringComparison.Ordinal);

        var plan = await PlanJsonAsync(profile);

        var first = StrengthExercises(plan).First(e => e.GetProperty("slug").GetString() == "hip-thrust");
        Assert.Equal(("barbell", "90lb"), (first.GetProperty("variant").GetString(), first.GetProperty("load").GetString()));
        Assert.StartsWith("from your recent 8 × 90 lb", first.GetProperty("loadNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_ShowsLoadsAndRunTargets()
    {
        var profile = Write("profile.json", GymProfile().Replace("\"start\"", "\"lifts\": [{\"exercise\": \"hip-thrust\", \"variant\": \"barbell\", \"reps\": 8, \"load\": \"40kg\"}], \"start\"", StringComparison.Ordinal));

        var result = await CliProcess.RunAsync("plan", "--profile", profile, "--db", _db.DbArgument);

        Assert.True(result.ExitCode == 0, result.Stderr);
        // Long lines wrap under the session column, so words may sit on the next line.
        Assert.Matches(@"hip-thrust\s+\(barbell\)\s+3x8-12\s+@7\s+40kg", result.Stdout);
        Assert.Matches(@"run:\s+30-45\s+min;\s+easy:\s+you\s+could\s+hold", result.Stdout);
        Assert.All(result.Stdout.Split('\n'), l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
    }
}
