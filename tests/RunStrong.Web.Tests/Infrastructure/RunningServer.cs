using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using RunStrong.Features.Common;
using RunStrong.TestSupport;

namespace RunStrong.Web.Tests.Infrastructure;

/// <summary>The real RunStrong web app on a real Kestrel server, bound to a free loopback port, over a real database.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, TestDatabase database, Uri address)
    {
        _app = app;
        Database = database;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public TestDatabase Database { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>The app's services, for tests that check what a node keeps (or must not keep) of its own.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningServer> StartAsync(string engine = "sqlite") =>
        await StartOnAsync(await TestDatabases.CreateAsync(engine));

    /// <summary>A server with extra command-line configuration (<c>--RunStrong:UploadRateLimit:PermitLimit=2</c>).</summary>
    public static async Task<RunningServer> StartWithAsync(string engine, params string[] settings) =>
        await StartOnAsync(await TestDatabases.CreateAsync(engine), settings);

    /// <summary>A server on an existing database; the server owns it from here (disposes it), see <see cref="SecondNodeAsync"/>.</summary>
    public static async Task<RunningServer> StartOnAsync(TestDatabase database, params string[] settings)
    {
        var app = await RunStrongWebApp.CreateAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--ConnectionStrings:RunStrong={database.DbArgument}",
            .. settings,
        ]);
        await app.StartAsync();
        var address = new Uri(RunStrongWebApp.BoundUrls(app).Single());
        return new RunningServer(app, database, address);
    }

    /// <summary>Another web node on this server's database, as a load-balanced deployment runs them.</summary>
    public async Task<RunningServer> SecondNodeAsync()
    {
        var app = await RunStrongWebApp.CreateAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--ConnectionStrings:RunStrong={Database.DbArgument}",
        ]);
        await app.StartAsync();
        return new RunningServer(app, new TestDatabase(Database.Target, () => Task.CompletedTask), new Uri(RunStrongWebApp.BoundUrls(app).Single()));
    }

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, RunStrongJson.Options)!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
