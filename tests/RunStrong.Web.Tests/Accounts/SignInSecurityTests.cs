using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>
/// What the internet may try, through the real HTTP server: no account, a forged cross-site change, a read-only or
/// revoked token, guessing a password.
/// </summary>
public class SignInSecurityTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly object Run = new { date = "2026-11-17", distance = "5k", time = "25:00", type = "easy" };

    [Fact]
    public async Task EveryApiEndpoint_WithoutSessionOrToken_Is401ProblemDetails_NotARedirect()
    {
        await using var server = await RunningServer.StartAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        var endpoints = IsolationTests.ApiEndpoints(server).ToArray();
        Assert.True(endpoints.Length > 30, $"only {endpoints.Length} API endpoints were found");
        foreach (var (method, pattern) in endpoints)
        {
            var path = IsolationTests.RouteValue().Replace(pattern, m => m.Groups[1].Value == "slug" ? "hip-thrust" : "1");
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            using var response = await anonymous.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without an account gave {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Headers.Location);
        }

        // A bad token is refused with a reason, not a sign-in page.
        using var bad = server.ClientWithToken("rs_not-a-real-token");
        using var refused = await bad.GetAsync(new Uri("/api/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("unknown, expired or revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // Pages send a person to the sign-in page instead, and come back after.
        using var page = await anonymous.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/signin?ReturnUrl=%2Fplans", page.Headers.Location!.PathAndQuery);

        // What stays open: the sign-in page, styles, and the OpenAPI description.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/account/signin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/css/site.css", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ChangesWithTheSessionCookie_WithoutTheAntiforgeryToken_AreRefused(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        using var session = await server.SignInAsync();

        // A cross-site request rides on the cookie but cannot read a page for the token.
        using var forged = await session.Client.PostAsJsonAsync("/api/log/runs", Run);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("RequestVerificationToken", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/log/runs", UriKind.Relative)) { Content = JsonContent.Create(Run) };
        wrong.Headers.Add("RequestVerificationToken", "CfDJ8-made-up");
        using var wrongResponse = await session.Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.BadRequest, wrongResponse.StatusCode);

        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/activities", UriKind.Relative))
        {
            Content = Activities.ActivitiesApiTests.Form(("fit", Activities.ActivitiesApiTests.FenixRun)),
        };
        using var uploadResponse = await session.Client.SendAsync(upload);
        Assert.Equal(HttpStatusCode.BadRequest, uploadResponse.StatusCode);

        // A page form posted without its hidden field is refused as well.
        using var form = await session.Client.PostAsync(new Uri("/settings", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["MaxHeartRate"] = "190" }));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);

        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/log/runs"));
        Assert.Equal(0, (await server.GetJsonAsync<JsonElement>("/api/activities")).GetProperty("total").GetInt32());
        Assert.Null((await server.GetJsonAsync<JsonElement>("/api/settings")).GetProperty("maxHeartRate").GetString());

        // The page's own token makes the same change go through.
        using var real = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/log/runs", UriKind.Relative)) { Content = JsonContent.Create(Run) };
        real.Headers.Add("RequestVerificationToken", session.AntiforgeryToken);
        using var realResponse = await session.Client.SendAsync(real);
        Assert.Equal(HttpStatusCode.Created, realResponse.StatusCode);
        Assert.Single(await server.GetJsonAsync<JsonElement[]>("/api/log/runs"));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TokenScopes_ReadOnlyCannotChange_RevokedAndExpiredAreRefused(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var reader = await server.CreateAccountAsync("reader", "a reader's long password", owner: false, "read");
        using var readOnly = server.ClientWithToken(reader.Token);

        var me = await readOnly.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(["read"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync(new Uri("/api/plans", UriKind.Relative))).StatusCode);

        using var write = await readOnly.PostAsJsonAsync("/api/log/runs", Run);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("read scope only", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var delete = await readOnly.DeleteAsync(new Uri("/api/plans/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Empty(await readOnly.GetFromJsonAsync<JsonElement[]>("/api/log/runs") ?? []);

        // A token cannot make another token, whatever its scopes.
        using var mint = await server.Client.PostAsJsonAsync("/api/tokens", new { name = "sneaky", scopes = new[] { "read", "write" } });
        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);

        // Revoked in the owner's session: refused at once.
        using var session = await server.SignInAsync();
        var created = await SendAsync(session, HttpMethod.Post, "/api/tokens", new { name = "laptop", scopes = new[] { "read", "write" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        using var laptop = server.ClientWithToken(token.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.Created, (await laptop.PostAsJsonAsync("/api/log/runs", Run)).StatusCode);
        var revoked = await SendAsync(session, HttpMethod.Delete, $"/api/tokens/{token.GetProperty("id").GetInt64()}", null);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var afterRevoke = await laptop.GetAsync(new Uri("/api/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);

        // The list shows it revoked; the token itself is never shown again, and only its hash is stored.
        var list = await SendAsync(session, HttpMethod.Get, "/api/tokens", null);
        var listed = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token.GetProperty("token").GetString()!, listed, StringComparison.Ordinal);
        Assert.Contains("\"active\":false", listed, StringComparison.Ordinal);
        await using var db = server.Database.CreateContext();
        Assert.DoesNotContain(await db.AccessTokens.Select(t => t.TokenHash).ToListAsync(), h => h == token.GetProperty("token").GetString());

        // Expired: refused.
        await db.AccessTokens.Where(t => t.Name == "tests" && t.UserId == reader.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, server.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await readOnly.GetAsync(new Uri("/api/plans", UriKind.Relative))).StatusCode);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await RunningServer.PostSignInFormAsync(client, RunningServer.OwnerUserName, "not the password " + attempt);
            var page = await wrong.Content.ReadAsStringAsync();
            Assert.Contains(attempt < 5 ? "The user name or the password is wrong." : "This account is locked", page, StringComparison.Ordinal);
        }

        using var right = await RunningServer.PostSignInFormAsync(client, RunningServer.OwnerUserName, RunningServer.OwnerPassword);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Contains("This account is locked after too many wrong passwords", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another account is not locked by the owner's bad luck.
        await server.CreateAccountAsync("friend", "the friend's long password");
        using var friend = await RunningServer.PostSignInFormAsync(client, "friend", "the friend's long password");
        Assert.Equal(HttpStatusCode.Redirect, friend.StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_AreRateLimitedPerAddress()
    {
        await using var server = await RunningServer.StartWithAsync("sqlite", "--RunStrong:SignInRateLimit:PermitLimit=3");
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await RunningServer.PostSignInFormAsync(client, "nobody", "guess number " + attempt);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var limited = await RunningServer.PostSignInFormAsync(client, RunningServer.OwnerUserName, RunningServer.OwnerPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("more than 3 attempts in a minute", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    private static async Task<HttpResponseMessage> SendAsync(SessionClient session, HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        request.Headers.Add("RequestVerificationToken", session.AntiforgeryToken);
        return await session.Client.SendAsync(request);
    }
}
