using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Activities;
using RunStrong.Web.Tests.Infrastructure;
using RunStrong.Web.Tests.Plans;
using RunStrong.Web.Tests.Portability;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>
/// Per-runner isolation, walked through every API endpoint the running app has (read from its routing table, so an
/// endpoint added later is walked too, and the walk fails until it knows how to fill the new endpoint's route values).
/// The owner calls each endpoint with another runner's ids — with a token and with a signed-in session — and gets
/// 404 (403 where the endpoint refuses tokens outright), never the other runner's data; then the other runner's data
/// is checked to be all there.
/// </summary>
public partial class IsolationTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    /// <summary>Words only the other runner's rows hold; no answer to the owner may contain any of them.</summary>
    private static readonly string[] Markers = ["Bees secret plan", "bee-secret-strength", "bee-secret-run", "bee-secret-soreness", "bee-secret-drills", "bee-token", "Barbell bench press", "bee-secret-import"];

    [Theory, MemberData(nameof(Engines))]
    public async Task EveryApiEndpoint_WithAnotherRunnersIds_Is404_AndNeverShowsTheirData(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var bee = await server.CreateAccountAsync("bee", "bees own long password");
        using var beeClient = server.ClientWithToken(bee.Token);
        var ids = await FillAsync(server, beeClient, bee);
        using var session = await server.SignInAsync();

        var walked = new List<string>();
        foreach (var (method, pattern) in ApiEndpoints(server))
        {
            var (path, hasIds) = Fill(pattern, ids, bee.Id);
            foreach (var (caller, client) in new[] { ("token", server.Client), ("session", session.Client) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = BodyFor(method, pattern) };
                if (caller == "session" && method != "GET")
                {
                    request.Headers.Add("RequestVerificationToken", session.AntiforgeryToken);
                }

                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var where = $"{method} {path} ({pattern}) as the owner with a {caller}";
                Assert.True((int)response.StatusCode < 500, $"{where} gave {(int)response.StatusCode}: {body}");
                Assert.DoesNotContain(Markers, m => body.Contains(m, StringComparison.Ordinal));
                if (hasIds)
                {
                    var expected = caller == "token" && pattern.StartsWith("/api/tokens", StringComparison.Ordinal)
                        ? HttpStatusCode.Forbidden
                        : HttpStatusCode.NotFound;
                    Assert.True(response.StatusCode == expected, $"{where} gave {(int)response.StatusCode}, not {(int)expected}: {body}");
                }
            }

            walked.Add($"{method} {pattern}");
        }

        // The walk covered the endpoints that take another runner's ids, and the lists that could leak them.
        Assert.Contains("GET /api/plans/{id:long}", walked);
        Assert.Contains("GET /api/plans/{id:long}/sessions/{key}.fit", walked);
        Assert.Contains("GET /api/plans/{id:long}/weeks/{week:int}.zip", walked);
        Assert.Contains("DELETE /api/activities/{id:long}", walked);
        Assert.Contains("GET /api/imports/{id:long}", walked);
        Assert.Contains("DELETE /api/imports/{id:long}", walked);
        Assert.Contains("GET /api/imports", walked);
        Assert.Contains("GET /api/log/strength", walked);
        Assert.Contains("POST /api/log/strength/{id:long}/keep", walked);
        Assert.Contains("GET /api/log/garmin-exercises", walked);
        Assert.Contains("PUT /api/log/garmin-exercises", walked);
        Assert.Contains("GET /api/export", walked);
        Assert.Contains("PUT /api/coach/athletes/{runnerId:guid}/plans/{id:long}", walked);

        // Nothing the owner sent touched the other runner's rows.
        foreach (var path in new[] { $"/api/plans/{ids["plans"]}", $"/api/log/strength/{ids["strength"]}", $"/api/log/runs/{ids["runs"]}", $"/api/activities/{ids["activities"]}", $"/api/imports/{ids["imports"]}" })
        {
            using var response = await beeClient.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"the other runner lost {path}: {(int)response.StatusCode}");
        }

        var beeLog = await beeClient.GetStringAsync(new Uri("/api/log?limit=100", UriKind.Relative));
        Assert.Contains("bee-secret-drills", beeLog, StringComparison.Ordinal);
        Assert.Contains(ids["sets"], JsonDocument.Parse(beeLog).RootElement.GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("sessions").EnumerateArray()).SelectMany(x => x.GetProperty("sets").EnumerateArray()).Select(x => x.GetProperty("id").GetInt64()));
        var soreness = await beeClient.GetFromJsonAsync<JsonElement[]>("/api/log/soreness");
        Assert.Contains(soreness!, s => s.GetProperty("notes").GetString() == "bee-secret-soreness");
        var settings = await beeClient.GetFromJsonAsync<JsonElement>("/api/settings");
        Assert.Equal(191, settings.GetProperty("maxHeartRate").GetInt32());
        await using var db = server.Database.CreateContext();
        Assert.Null((await db.AccessTokens.SingleAsync(t => t.Id == ids["tokens"])).RevokedAt);
        Assert.True(await db.CoachShares.AnyAsync(s => s.Id == ids["shares"] && s.CanEditPlans), "the other runner's share with their coach is untouched");
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task DeletingMyData_LeavesAnotherRunnersDataAlone(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var bee = await server.CreateAccountAsync("bee", "bees own long password");
        using var beeClient = server.ClientWithToken(bee.Token);
        var ids = await FillAsync(server, beeClient, bee);
        await DataApiTests.FillAsync(server);

        using var session = await server.SignInAsync();
        var page = await session.Client.GetStringAsync(new Uri("/data?confirm-delete=true", UriKind.Relative));
        using var deleted = await session.Client.PostAsync(new Uri("/data?handler=Delete", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["confirm"] = "delete",
            ["__RequestVerificationToken"] = RunningServer.AntiforgeryField(page),
        }));
        Assert.True(deleted.IsSuccessStatusCode, $"deleting through /data gave {(int)deleted.StatusCode}");

        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/plans"));
        var plan = await beeClient.GetFromJsonAsync<JsonElement>($"/api/plans/{ids["plans"]}");
        Assert.Equal("Bees secret plan", plan.GetProperty("name").GetString());
        // The logged run, the uploaded FIT run, the watch's strength activity and the two runs of the background import are all activities.
        Assert.Equal(5, (await beeClient.GetFromJsonAsync<JsonElement>("/api/activities")).GetProperty("items").GetArrayLength());
        var import = await beeClient.GetFromJsonAsync<JsonElement>($"/api/imports/{ids["imports"]}");
        Assert.Equal(2, import.GetProperty("imported").GetInt32());
    }

    /// <summary>Every (method, route pattern) under /api the running app answers.</summary>
    internal static IEnumerable<(string Method, string Pattern)> ApiEndpoints(RunningServer server) =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct()
            .OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal);

    /// <summary>The pattern with its route values filled from the other runner's ids; fails on a value it does not know.</summary>
    private static (string Path, bool HasIds) Fill(string pattern, Dictionary<string, long> ids, Guid beeId)
    {
        var hasIds = false;
        var path = RouteValue().Replace(pattern, match =>
        {
            var name = match.Groups[1].Value;
            if (name == "slug")
            {
                return "hip-thrust"; // the exercise catalogue is shared by every runner
            }

            if (name == "key")
            {
                return "2026-12-08-0"; // a session key (day and number) that the other runner's plan id goes with
            }

            if (name == "week")
            {
                return "1";
            }

            if (name == "runnerId")
            {
                hasIds = true;
                return beeId.ToString();
            }

            var resource = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries) switch
            {
                ["api", "log", var kind, ..] => kind,
                ["api", "coach", "athletes", _, var kind, ..] => kind,
                ["api", var kind, ..] => kind,
                _ => "",
            };
            Assert.True(name == "id" && ids.ContainsKey(resource), $"the isolation walk does not know how to fill {{{name}}} in {pattern}; add the other runner's {resource} to it");
            hasIds = true;
            return ids[resource].ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        return (path, hasIds);
    }

    private static HttpContent? BodyFor(string method, string pattern) => method switch
    {
        "GET" or "DELETE" => null,
        _ when (pattern.StartsWith("/api/plans/{id", StringComparison.Ordinal) || pattern.StartsWith("/api/coach/athletes/", StringComparison.Ordinal)) && method == "PUT" =>
            new StringContent($"{{\"name\": \"Owner's plan\", \"profile\": {PlansApiTests.Sample().Profile}}}", Encoding.UTF8, "application/json"),
        _ when pattern is "/api/activities" or "/api/import" or "/api/imports" => new MultipartFormDataContent { { new StringContent("x"), "note" } },
        _ => new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    /// <summary>The other runner's plan, strength session, run, soreness, activity, settings, coach share and token; their ids by resource.</summary>
    private static async Task<Dictionary<string, long>> FillAsync(RunningServer server, HttpClient bee, TestAccount account)
    {
        var ids = new Dictionary<string, long>();
        using (var plan = await bee.PostAsync(new Uri("/api/plans", UriKind.Relative),
            new StringContent($"{{\"name\": \"Bees secret plan\", \"profile\": {PlansApiTests.Sample().Profile}}}", Encoding.UTF8, "application/json")))
        {
            ids["plans"] = await IdAsync(plan);
        }

        using (var strength = await bee.PostAsJsonAsync("/api/log/strength", new
        {
            date = "2026-11-16",
            notes = "bee-secret-strength",
            sets = new object[] { new { exercise = "hip-thrust", variant = "barbell", reps = 12, load = "60kg", rpe = 7 } },
        }))
        {
            ids["strength"] = await IdAsync(strength);
        }

        var logged = await bee.GetFromJsonAsync<JsonElement>($"/api/log/strength/{ids["strength"]}");
        ids["sets"] = logged.GetProperty("sets")[0].GetProperty("id").GetInt64();

        // A planned drills session of the other runner's plan, logged as done.
        var beePlan = await bee.GetFromJsonAsync<JsonElement>($"/api/plans/{ids["plans"]}");
        var drillsKey = beePlan.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .SelectMany(d => d.GetProperty("sessions").EnumerateArray().Select((s, i) => (Date: d.GetProperty("date").GetString(), Kind: s.GetProperty("kind").GetString(), Index: i)))
            .First(s => s.Kind == "drills") is var drills ? $"{drills.Date}#{drills.Index}" : null;
        using (var session = await bee.PutAsJsonAsync("/api/log/sessions", new { plannedSessionKey = drillsKey, status = "partly", notes = "bee-secret-drills" }))
        {
            ids["sessions"] = await IdAsync(session);
        }

        using (var run = await bee.PostAsJsonAsync("/api/log/runs", new { date = "2026-11-17", distance = "10k", time = "50:00", type = "easy", rpe = 5, name = "bee-secret-run" }))
        {
            ids["runs"] = await IdAsync(run);
        }

        using (var soreness = await bee.PostAsJsonAsync("/api/log/soreness", new { date = "2026-11-17", area = "calves", score = 4, notes = "bee-secret-soreness" }))
        {
            ids["soreness"] = await IdAsync(soreness);
        }

        using (var upload = await bee.PostAsync(new Uri("/api/activities", UriKind.Relative), ActivitiesApiTests.Form(("fit", ActivitiesApiTests.FenixRun))))
        {
            var report = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
            Assert.True(upload.IsSuccessStatusCode, report.ToString());
            ids["activities"] = report.GetProperty("files")[0].GetProperty("activityId").GetInt64();
        }

        // A strength activity from the other runner's watch on the day of their hand-logged session: it waits for their
        // choice, and its bench press for a mapping; the owner can see neither, nor choose for them.
        var strengthFit = Path.Combine(Path.GetTempPath(), $"runstrong-isolation-{Guid.NewGuid():N}.fit");
        GarminFitSdk.EncodeStrength(strengthFit, new DateTime(2026, 11, 16, 7, 30, 0, DateTimeKind.Utc), "kilogram");
        try
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(strengthFit)), "files", "strength.fit" } };
            using var watch = await bee.PostAsync(new Uri("/api/activities", UriKind.Relative), form);
            var report = JsonDocument.Parse(await watch.Content.ReadAsStringAsync()).RootElement;
            Assert.True(watch.IsSuccessStatusCode, report.ToString());
            Assert.Equal(ids["strength"], report.GetProperty("files")[0].GetProperty("strength").GetProperty("mergeWithSessionId").GetInt64());
        }
        finally
        {
            File.Delete(strengthFit);
        }

        // A background import of the other runner's, whose file name only they may see.
        using (var import = await bee.PostAsync(new Uri("/api/imports", UriKind.Relative), Imports.ImportsApiTests.ZipForm("bee-secret-import.zip", ExportArchives.Build(2))))
        {
            ids["imports"] = await IdAsync(import);
            await Imports.ImportsApiTests.PollAsync(bee, $"/api/imports/{ids["imports"]}", j => j.GetProperty("state").GetString() == "done");
        }

        using (var settings = await bee.PutAsJsonAsync("/api/settings", new { restingHeartRate = 43, maxHeartRate = 191, trimpWeighting = "women" }))
        {
            Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());
        }

        // The other runner shares with a coach who is not the owner: the owner can neither see nor revoke it.
        await server.CreateAccountAsync("cee", "cees own long password");
        using (var share = await bee.PostAsJsonAsync("/api/shares", new { coach = "cee", access = "edit-plans" }))
        {
            ids["shares"] = await IdAsync(share);
        }

        await using var db = server.Database.CreateContext();
        ids["tokens"] = (await Features.Accounts.AccessTokens.CreateAsync(db, account.Id, new("bee-token", ["read"], null), server.Clock)).Id;
        return ids;
    }

    private static async Task<long> IdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>A route value in a pattern (<c>{id:long}</c>), its name in group 1.</summary>
    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    internal static partial Regex RouteValue();
}
