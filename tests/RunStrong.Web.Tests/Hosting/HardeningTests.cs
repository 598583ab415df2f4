using RunStrong.TestSupport;
using System.Net;
using System.Text.Json;
using RunStrong.Data.Entities;
using RunStrong.Web.Hosting;
using RunStrong.Web.Tests.Activities;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Hosting;

/// <summary>Security headers, errors without internals, the upload rate limit and proxies, through the real server.</summary>
public class HardeningTests
{
    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_PagesApiAndErrors_CarriesTheSecurityHeaders()
    {
        await using var server = await RunningServer.StartAsync();

        foreach (var path in new[] { "/", "/api/exercises", "/api/activities/999999", "/no-such-page" })
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            AssertSecurityHeaders(response);
        }
    }

    [Fact]
    public async Task UnexpectedError_InProduction_Gives500ProblemDetailsWithATraceIdAndNothingFromTheException()
    {
        await using var server = await RunningServer.StartAsync();

        // A plan whose stored profile no longer parses: reading it is a bug, not something the user did.
        long id;
        await using (var db = server.Database.CreateContext())
        {
            var plan = new PlanRecord
            {
                OwnerId = Runner.LocalId,
                Name = "Broken",
                ProfileJson = "{\"weeklyKm\": \"lots\"}",
                StartDate = new DateOnly(2026, 12, 7),
                CalendarToken = "broken-token",
                CreatedAt = TestClock.Now.UtcDateTime,
                UpdatedAt = TestClock.Now.UtcDateTime,
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            id = plan.Id;
        }

        using var response = await server.Client.GetAsync(new Uri($"/api/plans/{id}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("no longer parses", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("weeklyKm", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Uploads_OverTheConfiguredLimit_Get429ProblemDetailsAndOtherRequestsStillWork()
    {
        await using var server = await RunningServer.StartWithAsync("sqlite",
            $"--{SecurityHeaders.UploadPermitsKey}=2", $"--{SecurityHeaders.UploadWindowKey}=3600");

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), ActivitiesApiTests.Form(("tcx", ActivitiesApiTests.TcxRun)));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), ActivitiesApiTests.Form(("tcx", ActivitiesApiTests.TcxRun)));
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("more than 2 uploads", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is set");

        // The upload page shares the limit; reading is never limited.
        using var page = await server.Client.PostAsync(new Uri("/activities/upload", UriKind.Relative), ActivitiesApiTests.Form(("tcx", ActivitiesApiTests.TcxRun)));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        using var list = await server.Client.GetAsync(new Uri("/api/activities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BehindAnHttpsProxy_HstsAndSecureCookiesOnlyWhenForwardedHeadersAreTrusted(bool trusted)
    {
        await using var server = await RunningServer.StartWithAsync("sqlite", $"--{SecurityHeaders.TrustForwardedHeadersKey}={trusted}");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/activities/upload", UriKind.Relative));
        request.Headers.Host = "runstrong.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(trusted, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(trusted, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task DashboardWithCharts_UnderTheContentSecurityPolicy_LoadsWithoutConsoleErrors()
    {
        await using var server = await RunningServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, 390, 844);

        await page.GotoAsync(server.Address.ToString());
        await page.GetByTestId("fill-demo").ClickAsync();
        await page.GetByTestId("demo-banner").WaitForAsync();
        var response = await page.ReloadAsync();

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, await response!.HeaderValueAsync("content-security-policy"));
        Assert.True(await page.Locator("[data-testid=chart-muscle-sets] .legend svg.swatch rect").CountAsync() >= 2, "the stacked chart's legend keys are drawn");
        await page.Locator("[data-testid=chart-muscle-sets]").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "muscle-sets-legend-under-csp.png") });
        await Browser.ScreenshotAsync(page, "dashboard-under-csp-phone");
        Assert.Empty(errors);
        var swatchWidth = await page.Locator("[data-testid=chart-muscle-sets] .legend svg.swatch").First.EvaluateAsync<double>("s => s.getBoundingClientRect().width");
        Assert.InRange(swatchWidth, 8, 20);
    }
}
