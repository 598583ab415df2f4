using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;
using RunStrong.Web.Tests.Plans;

namespace RunStrong.Web.Tests.Coaching;

/// <summary>
/// Sharing with a coach through the real HTTP server, on SQLite and PostgreSQL: the runner is the owner account, the
/// coach and a stranger are accounts of their own, each calling the API with their own token.
/// </summary>
public class CoachingApiTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private const string Password = "coach password 123";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static StringContent PlanBody(string name, string profile) =>
        new($"{{\"name\": \"{name}\", \"profile\": {profile}}}", Encoding.UTF8, "application/json");

    /// <summary>The owner's plan (Spring 10k) and a strength session, a run and a soreness check-in logged today.</summary>
    internal static async Task<(Guid RunnerId, long PlanId, string Profile)> RunnerWithPlanAndLogAsync(RunningServer server, string planName = "Spring 10k")
    {
        var me = await server.GetJsonAsync<JsonElement>("/api/me");
        var profile = PlansApiTests.Sample().Profile;
        using var plan = await server.Client.PostAsync(new Uri("/api/plans", UriKind.Relative), PlanBody(planName, profile));
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var today = server.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var session = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = today,
            sets = new object[] { new { exercise = "hip-thrust", variant = "barbell", reps = 12, load = "60kg", rpe = 7 } },
        });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        using var run = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = today, distance = "8000", time = "44:00", type = "easy" });
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        using var soreness = await server.Client.PostAsJsonAsync("/api/log/soreness", new { date = today, area = "calves", score = 3 });
        Assert.Equal(HttpStatusCode.Created, soreness.StatusCode);
        return (me.GetProperty("id").GetGuid(), (await ReadAsync(plan)).GetProperty("id").GetInt64(), profile);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ReadOnlyShare_ThenPlanEditing_ThenRevoke(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var (runnerId, planId, profile) = await RunnerWithPlanAndLogAsync(server);
        var coachAccount = await server.CreateAccountAsync("coach", Password);
        var strangerAccount = await server.CreateAccountAsync("stranger", Password);
        using var coach = server.ClientWithToken(coachAccount.Token);
        using var stranger = server.ClientWithToken(strangerAccount.Token);
        var athlete = $"/api/coach/athletes/{runnerId}";
        using var coachOwn = await coach.PostAsync(new Uri("/api/plans", UriKind.Relative), PlanBody("Coach's own marathon", profile));
        Assert.Equal(HttpStatusCode.Created, coachOwn.StatusCode);
        var coachPlanId = (await ReadAsync(coachOwn)).GetProperty("id").GetInt64();

        // Before any share the athlete does not exist for the coach.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(coach, $"{athlete}/plans"));
        Assert.Equal("[]", await coach.GetStringAsync(new Uri("/api/coach/athletes", UriKind.Relative)));

        using var shared = await server.Client.PostAsJsonAsync("/api/shares", new { coach = "coach", access = "read" });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var share = await ReadAsync(shared);
        var shareId = share.GetProperty("id").GetInt64();
        Assert.Equal(("coach", "read"), (share.GetProperty("coach").GetString(), share.GetProperty("access").GetString()));
        Assert.Equal($"/api/shares/{shareId}", shared.Headers.Location!.OriginalString);
        var since = share.GetProperty("since").GetDateTime();

        // The coach sees the athlete, their plan and their log, read-only.
        var athletes = JsonDocument.Parse(await coach.GetStringAsync(new Uri("/api/coach/athletes", UriKind.Relative))).RootElement;
        var listed = Assert.Single(athletes.EnumerateArray());
        Assert.Equal((runnerId, "owner", "read"), (listed.GetProperty("runnerId").GetGuid(), listed.GetProperty("name").GetString(), listed.GetProperty("access").GetString()));
        var plans = JsonDocument.Parse(await coach.GetStringAsync(new Uri($"{athlete}/plans", UriKind.Relative))).RootElement;
        Assert.Equal([planId], plans.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        var plan = JsonDocument.Parse(await coach.GetStringAsync(new Uri($"{athlete}/plans/{planId}", UriKind.Relative))).RootElement;
        Assert.Equal("Spring 10k", plan.GetProperty("name").GetString());
        Assert.False(plan.GetProperty("canEdit").GetBoolean());
        Assert.True(plan.GetProperty("plan").GetProperty("weeks").GetArrayLength() > 10);
        Assert.False(plan.TryGetProperty("calendarToken", out _), "the runner's private calendar address stays theirs");
        var log = JsonDocument.Parse(await coach.GetStringAsync(new Uri($"{athlete}/log", UriKind.Relative))).RootElement;
        var day = Assert.Single(log.GetProperty("days").EnumerateArray());
        Assert.Equal("12x60kg@7", Assert.Single(Assert.Single(day.GetProperty("sessions").EnumerateArray()).GetProperty("sets").EnumerateArray()).GetProperty("notation").GetString());
        Assert.Equal(8000, Assert.Single(day.GetProperty("runs").EnumerateArray()).GetProperty("distanceMeters").GetDouble());
        Assert.Equal(("calves", 3), (day.GetProperty("checkIns")[0].GetProperty("area").GetString(), day.GetProperty("checkIns")[0].GetProperty("score").GetInt32()));
        // A page at a time, and the next page is the athlete's, at the coach's address.
        using (var earlier = await server.Client.PostAsJsonAsync("/api/log/soreness", new { date = server.Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), area = "calves", score = 2 }))
        {
            Assert.Equal(HttpStatusCode.Created, earlier.StatusCode);
        }

        var first = JsonDocument.Parse(await coach.GetStringAsync(new Uri($"{athlete}/log?limit=1", UriKind.Relative))).RootElement;
        Assert.Equal(server.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Assert.Single(first.GetProperty("days").EnumerateArray()).GetProperty("date").GetString());
        var next = first.GetProperty("next").GetString()!;
        Assert.StartsWith($"{athlete}/log?before=", next, StringComparison.Ordinal);
        var second = JsonDocument.Parse(await coach.GetStringAsync(new Uri(next, UriKind.Relative))).RootElement;
        Assert.Equal(server.Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Assert.Single(second.GetProperty("days").EnumerateArray()).GetProperty("date").GetString());
        Assert.True(!second.TryGetProperty("next", out var none) || none.ValueKind == JsonValueKind.Null, "the last page has no next");
        // What the coach reads is the athlete's; the coach's own plans stay apart, both ways.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(coach, $"{athlete}/plans/{coachPlanId}"));
        var coachPlans = JsonDocument.Parse(await coach.GetStringAsync(new Uri("/api/plans", UriKind.Relative))).RootElement;
        Assert.Equal([coachPlanId], coachPlans.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal([planId], (await server.GetJsonAsync<JsonElement[]>("/api/plans")).Select(p => p.GetProperty("id").GetInt64()));

        using var readOnlyPut = await coach.PutAsync(new Uri($"{athlete}/plans/{planId}", UriKind.Relative), PlanBody("Coach's 10k", profile));
        Assert.Equal(HttpStatusCode.Forbidden, readOnlyPut.StatusCode);
        Assert.Equal("application/problem+json", readOnlyPut.Content.Headers.ContentType!.MediaType);
        Assert.Contains("read-only", (await ReadAsync(readOnlyPut)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Spring 10k", (await server.GetJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("name").GetString());

        // Sharing again changes the access level of the same share.
        using var upgraded = await server.Client.PostAsJsonAsync("/api/shares", new { coach = "COACH", access = "edit-plans" });
        Assert.Equal(HttpStatusCode.OK, upgraded.StatusCode);
        var again = await ReadAsync(upgraded);
        Assert.Equal((shareId, "edit-plans", since), (again.GetProperty("id").GetInt64(), again.GetProperty("access").GetString(), again.GetProperty("since").GetDateTime()));
        var mine = await server.GetJsonAsync<JsonElement[]>("/api/shares");
        Assert.Equal(("coach", "edit-plans"), (Assert.Single(mine).GetProperty("coach").GetString(), mine[0].GetProperty("access").GetString()));

        using var put = await coach.PutAsync(new Uri($"{athlete}/plans/{planId}", UriKind.Relative), PlanBody("Coach's 10k", profile));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Coach's 10k", (await server.GetJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("name").GetString());

        // A bad profile from the coach is the same ProblemDetails the runner would get.
        using var bad = await coach.PutAsync(new Uri($"{athlete}/plans/{planId}", UriKind.Relative), PlanBody("x", "{\"experience\": \"guru\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);

        // Someone the runner never shared with gets nothing, not even a 403 that would confirm the athlete exists.
        foreach (var path in new[] { $"{athlete}/plans", $"{athlete}/plans/{planId}", $"{athlete}/log" })
        {
            Assert.Equal((path, HttpStatusCode.NotFound), (path, await StatusAsync(stranger, path)));
        }

        using var strangerPut = await stranger.PutAsync(new Uri($"{athlete}/plans/{planId}", UriKind.Relative), PlanBody("Mine now", profile));
        Assert.Equal(HttpStatusCode.NotFound, strangerPut.StatusCode);

        // Only the runner revokes; then the coach sees nothing.
        using var coachRevokes = await coach.DeleteAsync(new Uri($"/api/shares/{shareId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, coachRevokes.StatusCode);
        using var revoked = await server.Client.DeleteAsync(new Uri($"/api/shares/{shareId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        foreach (var path in new[] { $"{athlete}/plans", $"{athlete}/plans/{planId}", $"{athlete}/log" })
        {
            Assert.Equal((path, HttpStatusCode.NotFound), (path, await StatusAsync(coach, path)));
        }

        using var afterRevokePut = await coach.PutAsync(new Uri($"{athlete}/plans/{planId}", UriKind.Relative), PlanBody("Too late", profile));
        Assert.Equal(HttpStatusCode.NotFound, afterRevokePut.StatusCode);
        Assert.Equal("[]", await coach.GetStringAsync(new Uri("/api/coach/athletes", UriKind.Relative)));
        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/shares"));
        Assert.Equal("Coach's 10k", (await server.GetJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("name").GetString());
        using var twice = await server.Client.DeleteAsync(new Uri($"/api/shares/{shareId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
    }

    [Theory]
    [InlineData("{\"coach\": \"nobody\"}", "coach", "coach: no account named 'nobody'")]
    [InlineData("{\"coach\": \"owner\"}", "coach", "coach: that is your own account; share with someone else's")]
    [InlineData("{\"coach\": \"  \"}", "coach", "coach: give the user name of your coach's account")]
    [InlineData("{\"coach\": \"coach\", \"access\": \"admin\"}", "access", "access: 'admin' is not an access level; use read or edit-plans")]
    public async Task Share_BadInput_IsAProblemNamingTheField(string body, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();
        await server.CreateAccountAsync("coach", Password);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri("/api/shares", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(message, (await ReadAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/shares"));
    }

    [Fact]
    public async Task ReadOnlyToken_OfACoachWithPlanEditing_StillChangesNothing()
    {
        await using var server = await RunningServer.StartAsync();
        var (runnerId, planId, profile) = await RunnerWithPlanAndLogAsync(server);
        var coachAccount = await server.CreateAccountAsync("coach", Password, owner: false, "read");
        using var shared = await server.Client.PostAsJsonAsync("/api/shares", new { coach = "coach", access = "edit-plans" });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        using var coach = server.ClientWithToken(coachAccount.Token);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(coach, $"/api/coach/athletes/{runnerId}/plans/{planId}"));
        using var put = await coach.PutAsync(new Uri($"/api/coach/athletes/{runnerId}/plans/{planId}", UriKind.Relative), PlanBody("Changed", profile));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("Spring 10k", (await server.GetJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheSharingAndCoachEndpoints()
    {
        await using var server = await RunningServer.StartAsync();

        var paths = (await server.GetJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.Equal("ShareWithCoach", paths.GetProperty("/api/shares").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("RevokeCoachShare", paths.GetProperty("/api/shares/{id}").GetProperty("delete").GetProperty("operationId").GetString());
        Assert.Equal("ListAthletes", paths.GetProperty("/api/coach/athletes").GetProperty("get").GetProperty("operationId").GetString());
        var plan = paths.GetProperty("/api/coach/athletes/{runnerId}/plans/{id}");
        Assert.Equal(("GetAthletePlan", "UpdateAthletePlan"), (plan.GetProperty("get").GetProperty("operationId").GetString(), plan.GetProperty("put").GetProperty("operationId").GetString()));
        Assert.True(plan.GetProperty("put").GetProperty("responses").TryGetProperty("403", out _), "the PUT declares its 403");
        Assert.Equal("GetAthleteLog", paths.GetProperty("/api/coach/athletes/{runnerId}/log").GetProperty("get").GetProperty("operationId").GetString());
    }
}
