using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>The log, progression, statistics and predictions API through the real HTTP server, on SQLite and PostgreSQL.</summary>
public class LogApiTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory, MemberData(nameof(Engines))]
    public async Task Strength_PostGetListDelete(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var body = new
        {
            date = "2026-11-16",
            notes = "felt strong",
            sessionRpe = 7,
            sets = new object[]
            {
                new { exercise = "hip-thrust", variant = "barbell", reps = 12, load = "60kg", rpe = 7 },
                new { exercise = "hip-thrust", variant = "barbell", reps = 12, load = "60 kg", rpe = 8, pain = true },
                new { exercise = "side-plank", variant = "from-feet", seconds = 30 },
            },
        };

        using var created = await server.Client.PostAsJsonAsync("/api/log/strength", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await ReadAsync(created);
        var id = session.GetProperty("id").GetInt64();
        Assert.Equal($"/api/log/strength/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(["12x60kg@7", "12x60kg@8:pain", "30s"], session.GetProperty("sets").EnumerateArray().Select(s => s.GetProperty("notation").GetString()));

        var list = await server.GetJsonAsync<JsonElement[]>("/api/log/strength");
        Assert.Equal(id, Assert.Single(list).GetProperty("id").GetInt64());
        var one = await server.GetJsonAsync<JsonElement>($"/api/log/strength/{id}");
        Assert.Equal("felt strong", one.GetProperty("notes").GetString());

        using var deleted = await server.Client.DeleteAsync(new Uri($"/api/log/strength/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await server.Client.GetAsync(new Uri($"/api/log/strength/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains($"no strength session with id {id}", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"exercise\":\"hip-thrust\",\"variant\":\"barbell\",\"reps\":-3}", "sets[0].reps", "set 1, reps: reps must be 0 or more, got -3")]
    [InlineData("{\"exercise\":\"hip-thrust\",\"variant\":\"barbell\",\"reps\":10,\"load\":\"sixty\"}", "sets[0].load", "set 1, load: 'sixty' is not a load: write a number and a unit, such as 60kg or 135 lb")]
    [InlineData("{\"exercise\":\"moon-walk\",\"variant\":\"barbell\",\"reps\":10}", "sets[0].exercise", "set 1, exercise: unknown exercise 'moon-walk'")]
    [InlineData("{\"exercise\":\"hip-thrust\",\"variant\":\"barbell\",\"reps\":10,\"rpe\":0}", "sets[0].rpe", "set 1, rpe: RPE must be between 1 and 10, got 0")]
    public async Task Strength_BadSet_IsAProblemNamingTheField(string set, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();
        using var content = new StringContent($"{{\"sets\":[{set}]}}", System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri("/api/log/strength", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ReadAsync(response);
        Assert.StartsWith(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sets_BadValue_IsNamedAsInTheBody_NotAsASessionsList()
    {
        await using var server = await RunningServer.StartAsync();
        var body = new { date = "2026-11-16", position = 3, set = new { exercise = "hip-thrust", variant = "barbell", reps = 12, load = "60kg", rpe = 11 } };

        using var response = await server.Client.PutAsJsonAsync("/api/log/sets", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal(["set.rpe"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("set.rpe: RPE must be between 1 and 10, got 11", problem.GetProperty("errors").GetProperty("set.rpe")[0].GetString());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Sets_PutTwiceAtOnePosition_LogsOneSet(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var set = new { date = "2026-11-16", position = 0, set = new { exercise = "glute-bridge", variant = "banded", reps = 15, band = "medium", rpe = 7 } };

        using var first = await server.Client.PutAsJsonAsync("/api/log/sets", set);
        using var retry = await server.Client.PutAsJsonAsync("/api/log/sets", set);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.True((await ReadAsync(first)).GetProperty("created").GetBoolean());
        Assert.False((await ReadAsync(retry)).GetProperty("created").GetBoolean());
        var sessions = await server.GetJsonAsync<JsonElement[]>("/api/log/strength");
        Assert.Equal("15+medium@7", Assert.Single(Assert.Single(sessions).GetProperty("sets").EnumerateArray()).GetProperty("notation").GetString());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task RunsAndSoreness_PostListDelete_AndBadInputNamesTheField(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        using var run = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = "2026-11-17", distance = "10k", time = "50:00", type = "easy", rpe = 5 });
        using var again = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = "2026-11-17", distance = "10k", time = "50:00", type = "easy", rpe = 5 });
        using var zero = await server.Client.PostAsJsonAsync("/api/log/runs", new { distance = "10k", time = "00:00" });
        using var sore = await server.Client.PostAsJsonAsync("/api/log/soreness", new { date = "2026-11-17", area = "lower-back", score = 3 });
        using var badArea = await server.Client.PostAsJsonAsync("/api/log/soreness", new { area = "elbow", score = 3 });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (run.StatusCode, again.StatusCode));
        Assert.True((await ReadAsync(again)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.StartsWith("time: '00:00' is no time at all", (await ReadAsync(zero)).GetProperty("errors").GetProperty("time")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, sore.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badArea.StatusCode);
        Assert.True((await ReadAsync(badArea)).GetProperty("errors").TryGetProperty("area", out _));

        var runs = await server.GetJsonAsync<JsonElement[]>("/api/log/runs");
        var runId = Assert.Single(runs).GetProperty("id").GetInt64();
        Assert.Equal(("manual", 3000.0), (runs[0].GetProperty("format").GetString(), runs[0].GetProperty("seconds").GetDouble()));
        var checkIns = await server.GetJsonAsync<JsonElement[]>("/api/log/soreness");
        Assert.Equal("lower-back", Assert.Single(checkIns).GetProperty("area").GetString());
        var log = await server.GetJsonAsync<JsonElement>("/api/log");
        Assert.Equal("2026-11-17", Assert.Single(log.GetProperty("days").EnumerateArray()).GetProperty("date").GetString());

        using var deleteRun = await server.Client.DeleteAsync(new Uri($"/api/log/runs/{runId}", UriKind.Relative));
        using var deleteCheckIn = await server.Client.DeleteAsync(new Uri($"/api/log/soreness/{checkIns[0].GetProperty("id").GetInt64()}", UriKind.Relative));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (deleteRun.StatusCode, deleteCheckIn.StatusCode));
        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/log/runs"));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ProgressionAndStats_ComeFromTheStoredLog(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        foreach (var (date, reps, rpe) in new[] { ("2026-11-16", 12, 7), ("2026-11-19", 12, 8) })
        {
            var sets = Enumerable.Range(0, 3).Select(_ => new { exercise = "glute-bridge", variant = "bodyweight", reps = 20, rpe }).ToArray();
            using var response = await server.Client.PostAsJsonAsync("/api/log/strength", new { date, sets });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            _ = reps;
        }

        using var hipThrust = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = "2026-11-20",
            sets = new[] { new { exercise = "hip-thrust", variant = "barbell", reps = 5, load = "100kg" } },
        });

        var next = await server.GetJsonAsync<JsonElement>("/api/progression?exercise=glute-bridge");
        var item = Assert.Single(next.GetProperty("exercises").EnumerateArray());
        Assert.Equal(("next-rung", "banded"), (item.GetProperty("step").GetString(), item.GetProperty("variant").GetString()));
        Assert.Equal("last time 3 x 20 at RPE 8, the second session in a row at the top with 2 or more reps in reserve: add a loop band (Banded glute bridge), and go back to 12 reps",
            item.GetProperty("reason").GetString());

        var stats = await server.GetJsonAsync<JsonElement>("/api/stats/strength?exercise=hip-thrust");
        var trend = Assert.Single(stats.GetProperty("exercises")[0].GetProperty("oneRepMax").EnumerateArray());
        Assert.Equal((116.67, 112.5), (trend.GetProperty("epleyKilograms").GetDouble(), trend.GetProperty("brzyckiKilograms").GetDouble()));
        Assert.True(stats.GetProperty("weeklySetsPerMuscle")[0].GetProperty("sets").GetProperty("gluteus-maximus").GetDouble() >= 7);

        using var unknown = await server.Client.GetAsync(new Uri("/api/progression?exercise=moon-walk", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await ReadAsync(unknown)).GetProperty("errors").TryGetProperty("exercise", out _));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Predictions_FromAResult_AndTrendFromStoredRaces(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        var prediction = await server.GetJsonAsync<JsonElement>("/api/predictions?from=5k=20:00&to=10k");
        Assert.Equal(49.81, prediction.GetProperty("vdot").GetDouble());
        Assert.Equal(["riegel", "vdot", "cameron"], prediction.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("model").GetString()));
        Assert.Equal(("41:40", "41:30", "41:40"), (prediction.GetProperty("table")[0].GetProperty("riegel").GetString(),
            prediction.GetProperty("table")[0].GetProperty("vdot").GetString(), prediction.GetProperty("table")[0].GetProperty("cameron").GetString()));

        using var zero = await server.Client.GetAsync(new Uri("/api/predictions?from=5k=00:00", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.StartsWith("from: '00:00' is no time at all", (await ReadAsync(zero)).GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);

        using var october = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = "2026-10-04", distance = "10k", time = "43:00", type = "race" });
        using var november = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = "2026-11-08", distance = "5k", time = "20:00", type = "race" });
        var trend = await server.GetJsonAsync<JsonElement[]>("/api/predictions/trend");
        Assert.Equal([10, 11], trend.Select(m => m.GetProperty("month").GetInt32()));
        Assert.Equal(1200, trend[1].GetProperty("bestSeconds").GetDouble());
    }

    [Fact]
    public async Task Predictions_AndRuns_FasterThanTheWorldRecord_AreProblemsNamingTheField()
    {
        await using var server = await RunningServer.StartAsync();

        using var predict = await server.Client.GetAsync(new Uri("/api/predictions?from=5k=12:00&to=marathon", UriKind.Relative));
        using var sprint = await server.Client.GetAsync(new Uri("/api/predictions?from=100m=0:12&to=marathon", UriKind.Relative));
        // A recent race (predictions start from the last 12 months): relative to the test clock's today, on any day.
        var raceDay = server.Today.AddDays(-28).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var logged = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = raceDay, distance = "5k", time = "12:00", type = "race" });
        using var real = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = raceDay, distance = "5k", time = "21:00", type = "race" });
        var id = (await ReadAsync(real)).GetProperty("id").GetInt64();
        using var patched = await server.Client.PatchAsync(new Uri($"/api/log/runs/{id}", UriKind.Relative),
            new StringContent("{\"time\":\"12:00\"}", System.Text.Encoding.UTF8, "application/json"));

        foreach (var (response, field, message) in new[]
        {
            (predict, "from", "from: 5k in 12:00 is faster than the world record for the distance (12:35)"),
            (sprint, "from", "from: 100m in 0:12 is too short to predict races from"),
            (logged, "time", "time: 5k in 12:00 is faster than the world record for the distance (12:35)"),
            (patched, "time", "time: 5k in 12:00 is faster than the world record for the distance (12:35)"),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith(message, (await ReadAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        }

        // The stored 21:00 is what predictions start from: the refused edit changed nothing.
        var stored = await server.GetJsonAsync<JsonElement>("/api/predictions?to=marathon");
        Assert.Equal(1260, stored.GetProperty("from").GetProperty("seconds").GetDouble());
    }

    [Fact]
    public async Task Predictions_VdotOutsideDanielsTables_HasNoVdotSeconds_AndSaysWhy()
    {
        await using var server = await RunningServer.StartAsync();

        var prediction = await server.GetJsonAsync<JsonElement>("/api/predictions?from=5k=2:00:00&to=marathon");

        var vdot = prediction.GetProperty("predictions").EnumerateArray().Single(p => p.GetProperty("model").GetString() == "vdot");
        Assert.Equal(JsonValueKind.Null, vdot.GetProperty("seconds").ValueKind);
        Assert.StartsWith("No VDOT prediction: 5k in 2:00:00 gives a VDOT of 3.8", vdot.GetProperty("leftOut").GetString(), StringComparison.Ordinal);
        Assert.Equal("—", prediction.GetProperty("table")[0].GetProperty("vdot").GetString());

        // The page shows the same: the VDOT flagged and the note under the table.
        var html = System.Net.WebUtility.HtmlDecode(await server.Client.GetStringAsync(new Uri("/predictions?distance=5k&time=2:00:00", UriKind.Relative)));
        Assert.Contains("VDOT 3.8 (outside Daniels' tables, 30–85)", html, StringComparison.Ordinal);
        Assert.Contains("No VDOT prediction: 5k in 2:00:00 gives a VDOT of 3.8", html, StringComparison.Ordinal);
    }
}
