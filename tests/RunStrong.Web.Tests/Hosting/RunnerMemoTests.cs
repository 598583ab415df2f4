using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Hosting;

/// <summary>
/// The kept answers of the heavy reads (docs/decisions/0030): served again while the runner's data stays the same,
/// answered afresh after any change, on whichever node the change was made, and after the runner's day turns.
/// </summary>
public class RunnerMemoTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, string? ETag, JsonElement Body)> GetAsync(HttpClient client, string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Headers.ETag?.ToString(), text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static int ThisWeeksStrengthSessions(JsonElement dashboard) => dashboard.GetProperty("strengthSessions").EnumerateArray().Last().GetProperty("count").GetInt32();

    [Theory, MemberData(nameof(Engines))]
    public async Task Dashboard_IsNotModifiedWhileNothingChanges_AndAfreshAfterASetIsLoggedOrTheDayTurns(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        var first = await GetAsync(server.Client, "/api/dashboard");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(first.ETag);
        Assert.Equal(0, ThisWeeksStrengthSessions(first.Body));

        var again = await GetAsync(server.Client, "/api/dashboard", first.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal(first.ETag, again.ETag);

        using (var logged = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = Day(server.Today),
            sets = new object[] { new { exercise = "hip-thrust", variant = "barbell", reps = 10, load = "60kg", rpe = 7 } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        }

        var afterSet = await GetAsync(server.Client, "/api/dashboard", first.ETag);
        Assert.Equal(HttpStatusCode.OK, afterSet.Status);
        Assert.NotEqual(first.ETag, afterSet.ETag);
        Assert.Equal(1, ThisWeeksStrengthSessions(afterSet.Body));
        Assert.Equal(Day(server.Today), afterSet.Body.GetProperty("today").GetString());

        // Nothing stored changes at midnight, but the runner's today does.
        server.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await GetAsync(server.Client, "/api/dashboard", afterSet.ETag);
        Assert.Equal(HttpStatusCode.OK, nextDay.Status);
        Assert.Equal(Day(server.Today), nextDay.Body.GetProperty("today").GetString());

        // A new time zone is a change of the runner: their today may be another day.
        using (var put = await server.Client.PutAsJsonAsync("/api/settings", new { timeZone = "Pacific/Kiritimati" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var zoned = await GetAsync(server.Client, "/api/dashboard", nextDay.ETag);
        Assert.Equal(HttpStatusCode.OK, zoned.Status);
        var kiritimati = TimeZoneInfo.ConvertTime(server.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"));
        Assert.Equal(Day(DateOnly.FromDateTime(kiritimati.DateTime)), zoned.Body.GetProperty("today").GetString());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TwoNodes_AChangeMadeOnOne_IsInTheNextAnswerOfTheOther(string engine)
    {
        await using var first = await RunningServer.StartAsync(engine);
        await using var second = await first.SecondNodeAsync();
        var day = Day(first.Today.AddDays(-1));

        var empty = await GetAsync(first.Client, "/api/activities");
        Assert.Empty(empty.Body.GetProperty("items").EnumerateArray());
        var emptyLog = await GetAsync(first.Client, "/api/log");

        using (var run = await second.Client.PostAsJsonAsync("/api/log/runs", new { date = day, distance = "8k", time = "44:00", type = "easy" }))
        {
            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        }

        var log = await GetAsync(first.Client, "/api/log", emptyLog.ETag);
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Contains("\"distanceMeters\":8000", log.Body.GetRawText(), StringComparison.Ordinal);
        var noTrend = await GetAsync(first.Client, "/api/predictions/trend");
        Assert.Empty(noTrend.Body.EnumerateArray());

        // A real recorded road run, uploaded on the second node, is on the first node's list and in its trend at once (a run
        // whose mile is inside Daniels' tables, VDOT 30–85: the trend's rule, RacePredictor.CountsForTrend).
        long id;
        using (var form = Activities.ActivitiesApiTests.Form(("fit", "sports-alliance__sports-lib__src__specs__fixtures__runs__fit__6916663933.fit")))
        using (var upload = await second.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files")[0].GetProperty("activityId").GetInt64();
        }

        var listed = await GetAsync(first.Client, "/api/activities", empty.ETag);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Contains(listed.Body.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        var trend = await GetAsync(first.Client, "/api/predictions/trend", noTrend.ETag);
        Assert.Equal(HttpStatusCode.OK, trend.Status);
        Assert.Single(trend.Body.EnumerateArray());

        // A delete made in bulk (ExecuteDelete) raises the stamp as a save does.
        using (var deleted = await second.Client.DeleteAsync(new Uri($"/api/activities/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var gone = await GetAsync(first.Client, "/api/activities", listed.ETag);
        Assert.Equal(HttpStatusCode.OK, gone.Status);
        Assert.DoesNotContain(gone.Body.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        Assert.Empty((await GetAsync(first.Client, "/api/predictions/trend", trend.ETag)).Body.EnumerateArray());
    }

    [Fact]
    public async Task AKeptPage_CarriesItsLinkHeaderAgain_AndAnotherRunnerNeverGetsIt()
    {
        await using var server = await RunningServer.StartAsync();
        foreach (var offset in new[] { -3, -2 })
        {
            using var run = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = Day(server.Today.AddDays(offset)), distance = "5k", time = "25:00", type = "easy" });
            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        }

        string?[] links = new string?[2];
        string?[] etags = new string?[2];
        for (var i = 0; i < 2; i++)
        {
            using var page = await server.Client.GetAsync(new Uri("/api/log/runs?limit=1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            links[i] = page.Headers.TryGetValues("Link", out var link) ? string.Join(",", link) : null;
            etags[i] = page.Headers.ETag?.ToString();
            Assert.Single((await page.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        }

        Assert.NotNull(links[0]);
        Assert.Equal(links[0], links[1]);
        Assert.Equal(etags[0], etags[1]);

        // Another runner asking the same address with the first runner's ETag gets their own (empty) page.
        var other = await server.CreateAccountAsync("another-runner", "another-runner-password-1");
        using var client = server.ClientWithToken(other.Token);
        var theirs = await GetAsync(client, "/api/log/runs?limit=1", etags[0]);
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.Empty(theirs.Body.EnumerateArray());
        Assert.NotEqual(etags[0], theirs.ETag);
    }
}
