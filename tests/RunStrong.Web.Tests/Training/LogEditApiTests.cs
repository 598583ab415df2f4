using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>
/// Issue 13 through the real HTTP server, on both engines: every logged item has a PATCH on its own URL (ProblemDetails
/// naming the field on bad input), planned hill-sprint and drills sessions are logged with PUT /api/log/sessions, and the
/// log and the activities come a page of whole days at a time with a link to the next page.
/// </summary>
public class LogEditApiTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, object body) =>
        client.PatchAsync(new Uri(path, UriKind.Relative), new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    [Theory, MemberData(nameof(Engines))]
    public async Task EveryLoggedThing_IsPatchedOnItsOwnUrl_AndABadValueIsAProblemNamingTheField(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var day = server.Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var created = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = day,
            sets = new object[] { new { exercise = "squat", variant = "goblet", reps = 10, load = "16kg", rpe = 7 } },
        });
        var session = await ReadAsync(created);
        var sessionId = session.GetProperty("id").GetInt64();
        var setId = session.GetProperty("sets")[0].GetProperty("id").GetInt64();
        using var run = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = day, distance = "8k", time = "44:00", type = "easy" });
        var runId = (await ReadAsync(run)).GetProperty("id").GetInt64();
        using var sore = await server.Client.PostAsJsonAsync("/api/log/soreness", new { date = day, area = "calves", score = 3 });
        var soreId = (await ReadAsync(sore)).GetProperty("id").GetInt64();

        using (var set = await PatchAsync(server.Client, $"/api/log/sets/{setId}", new { reps = 9, load = "18" }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            var body = await ReadAsync(set);
            Assert.Equal((9, 18.0, "kg"), (body.GetProperty("reps").GetInt32(), body.GetProperty("loadValue").GetDouble(), body.GetProperty("loadUnit").GetString()));
        }

        using (var strength = await PatchAsync(server.Client, $"/api/log/strength/{sessionId}", new { notes = "legs heavy", sessionRpe = 8 }))
        {
            Assert.Equal("legs heavy", (await ReadAsync(strength)).GetProperty("notes").GetString());
        }

        using (var changed = await PatchAsync(server.Client, $"/api/log/runs/{runId}", new { name = "Canal loop", runType = "long", rpe = 6, distance = "10k" }))
        {
            var body = await ReadAsync(changed);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(("Canal loop", "long", 10000.0), (body.GetProperty("name").GetString(), body.GetProperty("type").GetString(), body.GetProperty("distanceMeters").GetDouble()));
        }

        using (var activity = await PatchAsync(server.Client, $"/api/activities/{runId}", new { date = server.Today.AddDays(-1) }))
        {
            Assert.Equal(HttpStatusCode.OK, activity.StatusCode);
        }

        using (var soreness = await PatchAsync(server.Client, $"/api/log/soreness/{soreId}", new { score = 5, area = "hamstrings" }))
        {
            var body = await ReadAsync(soreness);
            Assert.Equal(("hamstrings", 5), (body.GetProperty("area").GetString(), body.GetProperty("score").GetInt32()));
        }

        foreach (var (path, patch, field) in new (string, object, string)[]
        {
            ($"/api/log/sets/{setId}", new { rpe = 12 }, "rpe"),
            ($"/api/log/sets/{setId}", new { load = "a lot" }, "load"),
            ($"/api/log/strength/{sessionId}", new { sessionRpe = 0.5 }, "sessionRpe"),
            ($"/api/log/runs/{runId}", new { runType = "jog" }, "runType"),
            ($"/api/activities/{runId}", new { sport = "chess" }, "sport"),
            ($"/api/log/soreness/{soreId}", new { score = 11 }, "score"),
        })
        {
            using var bad = await PatchAsync(server.Client, path, patch);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
            Assert.True((await ReadAsync(bad)).GetProperty("errors").TryGetProperty(field, out _), $"PATCH {path} names {field}");
        }

        using (var missing = await PatchAsync(server.Client, $"/api/log/sets/{setId + 1000}", new { reps = 1 }))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // The log shows the corrections, and nothing was added or lost.
        var log = await server.GetJsonAsync<JsonElement>("/api/log");
        var days = log.GetProperty("days").EnumerateArray().ToArray();
        Assert.Equal(2, days.Length);
        var runDay = days.Single(d => d.GetProperty("runs").GetArrayLength() == 1);
        Assert.Equal(server.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), runDay.GetProperty("date").GetString());
        var strengthDay = days.Single(d => d.GetProperty("sessions").GetArrayLength() == 1);
        Assert.Equal(9, strengthDay.GetProperty("sessions")[0].GetProperty("sets")[0].GetProperty("reps").GetInt32());
        Assert.Equal(5, strengthDay.GetProperty("checkIns")[0].GetProperty("score").GetInt32());

        using (var deleted = await server.Client.DeleteAsync(new Uri($"/api/log/sets/{setId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await server.Client.GetAsync(new Uri($"/api/log/strength/{sessionId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task PlannedHillSprintsAndDrills_AreLogged_OnceEach_AndTheirKeyIsChecked(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var profile = """{"experience": "some", "equipment": ["none", "loop-band"], "locations": ["home", "outdoors"], "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}}""";
        using var made = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative),
            new StringContent($"{{\"name\": \"Base\", \"profile\": {profile}, \"weeks\": 8, \"start\": \"{server.Today:yyyy-MM-dd}\"}}", Encoding.UTF8, "application/json"));
        Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        var plan = await server.GetJsonAsync<JsonElement>($"/api/plans/{(await ReadAsync(made)).GetProperty("id").GetInt64()}");
        var sessions = plan.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .SelectMany(d => d.GetProperty("sessions").EnumerateArray().Select((s, i) => (Key: $"{d.GetProperty("date").GetString()}#{i}", Kind: s.GetProperty("kind").GetString())))
            .ToArray();
        var hills = sessions.First(s => s.Kind == "hill-sprints").Key;
        var drills = sessions.First(s => s.Kind == "drills").Key;
        var strength = sessions.First(s => s.Kind == "strength").Key;

        using var first = await server.Client.PutAsJsonAsync("/api/log/sessions", new { plannedSessionKey = hills, status = "done", reps = 5, seconds = 8, gradePercent = 7 });
        using var again = await server.Client.PutAsJsonAsync("/api/log/sessions", new { plannedSessionKey = hills, status = "partly", reps = 3 });
        using var drillsLog = await server.Client.PutAsJsonAsync("/api/log/sessions", new { plannedSessionKey = drills, status = "skipped" });
        using var wrongKind = await server.Client.PutAsJsonAsync("/api/log/sessions", new { plannedSessionKey = strength });
        using var wrongKey = await server.Client.PutAsJsonAsync("/api/log/sessions", new { plannedSessionKey = "tuesday" });
        using var wrongStatus = await server.Client.PutAsJsonAsync("/api/log/sessions", new { plannedSessionKey = hills, status = "meh" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var hillsLog = await ReadAsync(again);
        Assert.Equal(("partly", 3, "Hill sprints partly: 3 x 8 s"), (hillsLog.GetProperty("status").GetString(), hillsLog.GetProperty("reps").GetInt32(), hillsLog.GetProperty("summary").GetString()));
        Assert.Equal(HttpStatusCode.Created, drillsLog.StatusCode);
        foreach (var (bad, field) in new[] { (wrongKind, "plannedSessionKey"), (wrongKey, "plannedSessionKey"), (wrongStatus, "status") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await ReadAsync(bad)).GetProperty("errors").TryGetProperty(field, out _));
        }

        var log = await server.GetJsonAsync<JsonElement>("/api/log?limit=100");
        var logged = log.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("plannedSessions").EnumerateArray()).ToArray();
        Assert.Equal(2, logged.Length);
    }
}
