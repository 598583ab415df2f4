using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Features.Common;
using RunStrong.TestSupport;

namespace RunStrong.Web.Tests.Infrastructure;

/// <summary>
/// The real RunStrong web app on a real Kestrel server, bound to a free loopback port, over a real database. Unless
/// told otherwise it has its owner's account (<see cref="OwnerUserName"/>), made as the setup page makes it, and
/// <see cref="Client"/> calls the API with a read-and-write personal access token of that account.
/// </summary>
public sealed partial class RunningServer : IAsyncDisposable
{
    public const string OwnerUserName = "owner";

    public const string OwnerPassword = "correct horse battery staple";

    private readonly WebApplication _app;

    private readonly SemaphoreSlim _cookieLock = new(1, 1);

    private IReadOnlyList<Cookie>? _ownerCookies;

    private RunningServer(WebApplication app, TestDatabase database, Uri address, FakeTimeProvider clock)
    {
        _app = app;
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(Log);
        Database = database;
        Address = address;
        Clock = clock;
        Client = new HttpClient { BaseAddress = address };
    }

    public TestDatabase Database { get; }

    /// <summary>What this node logged at Warning or above since it started serving.</summary>
    public ServerLog Log { get; } = new();

    /// <summary>
    /// The app's clock, standing at <see cref="TestClock.Now"/> (issue 11: no test reads the wall clock); a test moves
    /// it with <see cref="FakeTimeProvider.Advance"/> or <see cref="FakeTimeProvider.SetUtcNow"/>.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The runner's day on the app's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>The app's services, for tests that check what a node keeps (or must not keep) of its own.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningServer> StartAsync(string engine = "sqlite") =>
        await StartOnAsync(await TestDatabases.CreateAsync(engine));

    /// <summary>A server whose clock stands at <paramref name="now"/> (a day a test fixture's file fixes, not the suite's date).</summary>
    public static async Task<RunningServer> StartAtAsync(string engine, DateTimeOffset now) =>
        await StartOnAsync(await TestDatabases.CreateAsync(engine), withOwner: true, [], TestClock.At(now));

    /// <summary>A server as a first start leaves it: no account, only the setup link.</summary>
    public static async Task<RunningServer> StartWithoutAccountsAsync(string engine, params string[] settings) =>
        await StartOnAsync(await TestDatabases.CreateAsync(engine), withOwner: false, settings);

    /// <summary>A server with extra command-line configuration (<c>--RunStrong:UploadRateLimit:PermitLimit=2</c>).</summary>
    public static async Task<RunningServer> StartWithAsync(string engine, params string[] settings) =>
        await StartOnAsync(await TestDatabases.CreateAsync(engine), settings);

    /// <summary>A server on an existing database; the server owns it from here (disposes it), see <see cref="SecondNodeAsync"/>.</summary>
    public static Task<RunningServer> StartOnAsync(TestDatabase database, params string[] settings) =>
        StartOnAsync(database, withOwner: true, settings);

    private static async Task<RunningServer> StartOnAsync(TestDatabase database, bool withOwner, string[] settings, FakeTimeProvider? at = null)
    {
        var clock = at ?? TestClock.Create();
        var app = await RunStrongWebApp.CreateAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--ConnectionStrings:RunStrong={database.DbArgument}",
            .. settings,
        ], clock);
        await app.StartAsync();
        var address = new Uri(RunStrongWebApp.BoundUrls(app).Single());
        var server = new RunningServer(app, database, address, clock);
        if (withOwner)
        {
            var owner = await server.CreateAccountAsync(OwnerUserName, OwnerPassword, owner: true);
            server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", owner.Token);
        }

        return server;
    }

    /// <summary>
    /// Another web node on this server's database, as a load-balanced deployment runs them; <paramref name="settings"/>
    /// come last, so they may name its own <c>--urls</c>.
    /// </summary>
    public async Task<RunningServer> SecondNodeAsync(params string[] settings)
    {
        var app = await RunStrongWebApp.CreateAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--ConnectionStrings:RunStrong={Database.DbArgument}",
            .. settings,
        ], Clock);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var node = new RunningServer(app, new TestDatabase(Database.Target, () => Task.CompletedTask), new Uri(RunStrongWebApp.BoundUrls(app).Single()), Clock);
        node.Client.DefaultRequestHeaders.Authorization = Client.DefaultRequestHeaders.Authorization;
        return node;
    }

    /// <summary>An account made as the setup or registration page makes it, and a read-and-write token for it.</summary>
    public async Task<TestAccount> CreateAccountAsync(string userName, string password, bool owner = false, params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RunStrongUser>>();
        var db = scope.ServiceProvider.GetRequiredService<RunStrongDbContext>();
        var (user, errors) = await AccountCreation.CreateAsync(
            users, db, new AccountCreation.NewAccount(userName, null, password, password), owner, null, Clock);
        Assert.True(user is not null, string.Join("; ", errors));
        var token = await AccessTokens.CreateAsync(db, user.Id, new AccessTokens.Request("tests", scopes is [] ? ["read", "write"] : scopes, null), Clock);
        return new TestAccount(user.Id, userName, password, token.Token);
    }

    /// <summary>A client that calls the API with <paramref name="token"/>.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A browser-like client signed in through the sign-in form (session cookie), and the antiforgery token a page
    /// of this session carries (for API changes, sent as the RequestVerificationToken header).
    /// </summary>
    public async Task<SessionClient> SignInAsync(string userName = OwnerUserName, string password = OwnerPassword)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address };
        using var response = await PostSignInFormAsync(client, userName, password, this);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {userName} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}; the server logged: {Log.Problems()}");
        var page = await PageAsync(client, "/account/signout", this);
        return new SessionClient(client, cookies, AntiforgeryField(page));
    }

    /// <summary>Signs in through the sign-in form as a browser would (its page, its antiforgery field); the server's answer.</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient client, string userName, string password, RunningServer? server = null)
    {
        var form = await PageAsync(client, "/account/signin", server);
        return await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryField(form),
        }));
    }

    /// <summary>The owner's session cookies, signed in once per server, for browser contexts.</summary>
    public async Task<IReadOnlyList<Cookie>> OwnerCookiesAsync()
    {
        await _cookieLock.WaitAsync();
        try
        {
            if (_ownerCookies is null)
            {
                var session = await SignInAsync();
                _ownerCookies = session.Cookies.GetCookies(Address).ToArray();
                session.Client.Dispose();
            }

            return _ownerCookies;
        }
        finally
        {
            _cookieLock.Release();
        }
    }

    /// <summary>A page's body (HTML or JSON); a failure names the status, the body and what the server logged.</summary>
    public static async Task<string> PageAsync(HttpClient client, string path, RunningServer? server = null)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}: {body}; the server logged: {server?.Log.Problems() ?? "(not known)"}");
        return body;
    }

    /// <summary>The value of the hidden antiforgery field in a page's form.</summary>
    public static string AntiforgeryField(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    public async Task<T> GetJsonAsync<T>(string path) =>
        JsonSerializer.Deserialize<T>(await PageAsync(Client, path, this), RunStrongJson.Options)!;

    /// <summary>Stops this node's web server and background work, as a node is stopped for a restart; the database stays.</summary>
    public Task StopNodeAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _cookieLock.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>An account a test made, with a read-and-write token (or the scopes asked for).</summary>
public sealed record TestAccount(Guid Id, string UserName, string Password, string Token);

/// <summary>A signed-in session: its client (no automatic redirects), its cookies and a page's antiforgery token.</summary>
public sealed record SessionClient(HttpClient Client, CookieContainer Cookies, string AntiforgeryToken) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
