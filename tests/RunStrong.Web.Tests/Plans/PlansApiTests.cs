using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Plans;

/// <summary>The plans API and the calendar feed through the real HTTP server, on SQLite and PostgreSQL.</summary>
public class PlansApiTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    /// <summary>Issue 4's sample runner, dated from the Monday after the suite's today with the sample's 132 days to race day.</summary>
    internal static (DateOnly Start, DateOnly Race, string Profile) Sample(string locations = "[\"home\"]")
    {
        var start = TestClock.NextMonday;
        var race = start.AddDays(132);
        var profile = $$"""
            {"experience": "none", "equipment": ["none", "loop-band"], "locations": {{locations}}, "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}, "race": {"distance": "10k", "date": "{{Iso(race)}}"}, "start": "{{Iso(start)}}"}
            """;
        return (start, race, profile);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StringContent Body(string name, string profile, string? extra = null) =>
        new($"{{\"name\": \"{name}\", \"profile\": {profile}{(extra is null ? "" : ", " + extra)}}}", Encoding.UTF8, "application/json");

    [Theory, MemberData(nameof(Engines))]
    public async Task Crud_CreateReadListUpdateDelete(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var (start, race, profile) = Sample();

        using var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative), Body("Spring 10k", profile));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/plans/{id}", created.Headers.Location!.ToString());

        var plan = await server.GetJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal("Spring 10k", plan.GetProperty("name").GetString());
        Assert.Equal(Iso(start), plan.GetProperty("startDate").GetString());
        var days = plan.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray()).ToArray();
        Assert.Equal(Iso(race), days[^1].GetProperty("date").GetString());
        Assert.Equal("race", days[^1].GetProperty("run").GetProperty("type").GetString());
        // Issue 12: hill sprints for every runner, whatever their places; the reason says where.
        static IEnumerable<JsonElement> Hills(JsonElement plan) => plan.GetProperty("weeks").EnumerateArray()
            .SelectMany(w => w.GetProperty("days").EnumerateArray()).SelectMany(d => d.GetProperty("sessions").EnumerateArray())
            .Where(s => s.GetProperty("kind").GetString() == "hill-sprints");
        Assert.All(Hills(plan.GetProperty("plan")), s => Assert.Contains("uphill, near all-out, on a", s.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(Hills(plan.GetProperty("plan")));

        var list = await server.GetJsonAsync<JsonElement[]>("/api/plans");
        Assert.Equal([id], list.Select(p => p.GetProperty("id").GetInt64()));

        // No hill and no treadmill near the runs: the sprints go up stairs or a ramp.
        var noHills = profile.Replace("\"locations\"", "\"hills\": \"none\", \"locations\"", StringComparison.Ordinal);
        using var updated = await server.Client.PutAsync(new Uri($"/api/plans/{id}", UriKind.Relative), Body("Spring 10k, stairs", noHills));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var replanned = await server.GetJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal("Spring 10k, stairs", replanned.GetProperty("name").GetString());
        Assert.NotEmpty(Hills(replanned.GetProperty("plan")));
        Assert.All(Hills(replanned.GetProperty("plan")), s => Assert.Contains("up stairs or a short steep ramp", s.GetProperty("reason").GetString(), StringComparison.Ordinal));

        using var deleted = await server.Client.DeleteAsync(new Uri($"/api/plans/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await server.Client.GetAsync(new Uri($"/api/plans/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/plans"));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Workouts_ASessionAsFit_AndAWeekAsZip_DecodeWithGarminsSdk(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var (_, _, profile) = Sample();
        using var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative), Body("Spring 10k", profile));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var plan = (await server.GetJsonAsync<JsonElement>($"/api/plans/{id}")).GetProperty("plan");
        var week1 = plan.GetProperty("weeks")[0];
        var sessions = plan.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .SelectMany(d => d.GetProperty("sessions").EnumerateArray().Select((s, i) => (Date: d.GetProperty("date").GetString()!, Index: i, Kind: s.GetProperty("kind").GetString()!)))
            .ToArray();
        var strength = sessions.First(s => s.Kind == "strength");
        var folder = Directory.CreateTempSubdirectory("runstrong-api-fit-").FullName;
        try
        {
            // One session, by its key as the log names it (escaped) and by the form without '#'.
            using var one = await server.Client.GetAsync(new Uri($"/api/plans/{id}/sessions/{Uri.EscapeDataString($"{strength.Date}#{strength.Index}")}.fit", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.Equal("application/vnd.ant.fit", one.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"{strength.Date}-strength.fit", one.Content.Headers.ContentDisposition!.FileName);
            var bytes = await one.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes, await server.Client.GetByteArrayAsync(new Uri($"/api/plans/{id}/sessions/{strength.Date}-{strength.Index}.fit", UriKind.Relative)));
            var path = Path.Combine(folder, "one.fit");
            await File.WriteAllBytesAsync(path, bytes);
            var decoded = GarminFitSdk.Decode(path).GetProperty("files").GetProperty(path);
            Assert.Equal(0, decoded.GetProperty("errors").GetArrayLength());
            Assert.Equal("workout", decoded.GetProperty("fileId")[0].GetProperty("type").GetString());
            var planned = plan.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
                .First(d => d.GetProperty("date").GetString() == strength.Date).GetProperty("sessions")[strength.Index].GetProperty("exercises");
            var sets = decoded.GetProperty("steps").EnumerateArray().Where(s => s.TryGetProperty("intensity", out var i) && i.GetString() == "active").ToArray();
            Assert.Equal(planned.GetArrayLength(), sets.Length);
            Assert.All(sets, s => Assert.True(s.TryGetProperty("exerciseCategory", out _), $"{s}: every strength exercise names its Garmin exercise"));

            // The first week as a zip: a file per session of that week, each a workout the SDK reads.
            using var zipResponse = await server.Client.GetAsync(new Uri($"/api/plans/{id}/weeks/1.zip", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
            Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType!.MediaType);
            using var zip = new System.IO.Compression.ZipArchive(await zipResponse.Content.ReadAsStreamAsync());
            var week1Dates = week1.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToHashSet();
            var expected = sessions.Where(s => week1Dates.Contains(s.Date)).Select(s => $"{s.Date}-{s.Kind}.fit").Order(StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            var paths = new List<string>();
            foreach (var entry in zip.Entries)
            {
                var entryPath = Path.Combine(folder, entry.FullName);
                await using (var input = entry.Open())
                await using (var output = File.Create(entryPath))
                {
                    await input.CopyToAsync(output);
                }

                paths.Add(entryPath);
            }

            var all = GarminFitSdk.Decode([.. paths]).GetProperty("files");
            Assert.All(paths, p => Assert.Equal(0, all.GetProperty(p).GetProperty("errors").GetArrayLength()));
            Assert.All(paths, p => Assert.Equal("workout", all.GetProperty(p).GetProperty("fileId")[0].GetProperty("type").GetString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Wrong keys and weeks: a problem that says what is wrong.
        using var badKey = await server.Client.GetAsync(new Uri($"/api/plans/{id}/sessions/tuesday.fit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Contains("'tuesday' is not a session key", await badKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noSession = await server.Client.GetAsync(new Uri($"/api/plans/{id}/sessions/{strength.Date}-7.fit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, noSession.StatusCode);
        using var noWeek = await server.Client.GetAsync(new Uri($"/api/plans/{id}/weeks/99.zip", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, noWeek.StatusCode);
        Assert.Contains("not 99", await noWeek.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var otherPlan = await server.Client.GetAsync(new Uri($"/api/plans/{id + 1000}/weeks/1.zip", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, otherPlan.StatusCode);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task CalendarFeed_ByToken_ParsesWithIcalNet_AndRotatingRevokesIt(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var (start, race, profile) = Sample();
        using var created = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative), Body("Spring 10k", profile));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (id, token) = (body.GetProperty("id").GetInt64(), body.GetProperty("calendarToken").GetString()!);

        // The feed needs no login: a fresh client with no cookies, as a calendar server would fetch it.
        using var calendarServer = new HttpClient { BaseAddress = server.Address };
        using var feed = await calendarServer.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.True(calendar.Events.Count > 40, $"{calendar.Events.Count} events");
        Assert.All(calendar.Events, e => Assert.InRange(e.Start!.Date, start, race));
        var strength = calendar.Events.First(e => e.Summary!.StartsWith("Strength:", StringComparison.Ordinal));
        Assert.Contains("RPE", strength.Description, StringComparison.Ordinal);
        Assert.Contains("hard days hard", strength.Description, StringComparison.Ordinal);

        using var download = await server.Client.GetAsync(new Uri($"/api/plans/{id}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(calendar.Events.Count, Ical.Net.Calendar.Load(await download.Content.ReadAsStringAsync())!.Events.Count);

        using var wrong = await calendarServer.GetAsync(new Uri("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);

        using var rotated = await server.Client.PostAsync(new Uri($"/api/plans/{id}/calendar-token", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("calendarToken").GetString();
        Assert.NotEqual(token, fresh);
        using var old = await calendarServer.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        using var renewed = await calendarServer.GetAsync(new Uri($"/calendar/{fresh}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task Preview_StoresNothing_AndReturnsThePlanShape()
    {
        await using var server = await RunningServer.StartAsync();
        var (_, race, profile) = Sample();

        using var response = await server.Client.PostAsync(new Uri("/api/plans/preview", UriKind.Relative), Body("x", profile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["weeks", "warnings"], plan.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Iso(race), plan.GetProperty("weeks").EnumerateArray().Last().GetProperty("days").EnumerateArray().Last().GetProperty("date").GetString());
        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/plans"));
    }

    [Theory]
    [InlineData("""{"week": {"tue": "quality", "sun": "long"}, "race": {"distance": "10k", "date": "2020-04-18"}, "start": "2020-01-06"}""", null, "race.date", "is in the past")]
    [InlineData("""{"week": {"mon": "rest"}}""", null, "week", "no running day")]
    [InlineData("""{"week": {"tue": "quality"}, "equipment": ["kettle"]}""", null, "equipment[0]", "unknown equipment 'kettle'")]
    [InlineData("""{"week": {"tue": "quality", "funday": "easy"}}""", null, "week.funday", "unknown weekday")]
    [InlineData("""{"week": {"tue": "quality"}}""", "\"start\": \"tomorrow\"", "start", "is not a date")]
    [InlineData("""{"week": {"tue": "quality"}}""", "\"start\": \"9999-12-31\"", "start", "9999-12-31 is not a day a plan can start (1990-01-01 to a year after today")]
    [InlineData("""{"week": {"tue": "quality"}}""", "\"start\": \"0001-01-01\"", "start", "0001-01-01 is not a day a plan can start")]
    [InlineData("""{"week": {"tue": "quality", "sun": "long"}, "race": {"distance": "10k", "date": "9999-12-31"}, "start": "9999-12-20"}""", null, "start", "9999-12-20 is not a day a plan can start")]
    public async Task Create_BadProfile_ProblemDetailsNamesTheField(string profile, string? extra, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative), Body("Bad", profile, extra));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains(errors, e => e!.Contains(message, StringComparison.Ordinal));
        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/plans"));
    }

    [Fact]
    public async Task Preview_TwoBadFieldsOfALift_AreEachNamed_NotFoldedIntoOne()
    {
        await using var server = await RunningServer.StartAsync();
        const string profile = """{"week": {"tue": "quality", "sun": "long"}, "lifts": [{"exercise": "hip-thrust", "reps": 0, "load": "heavy"}]}""";

        using var response = await server.Client.PostAsync(new Uri("/api/plans/preview", UriKind.Relative), Body("x", profile));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["lifts[0].reps", "lifts[0].load"], errors.EnumerateObject().Select(e => e.Name));
        Assert.StartsWith("lifts[0].reps: 0: expected a whole number of reps", errors.GetProperty("lifts[0].reps")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("lifts[0].load: ", errors.GetProperty("lifts[0].load")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPlan_Is404ProblemDetails()
    {
        await using var server = await RunningServer.StartAsync();

        using var get = await server.Client.GetAsync(new Uri("/api/plans/999", UriKind.Relative));
        using var put = await server.Client.PutAsync(new Uri("/api/plans/999", UriKind.Relative), Body("x", Sample().Profile));
        using var rotate = await server.Client.PostAsync(new Uri("/api/plans/999/calendar-token", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
        Assert.Contains("no plan with id 999", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
