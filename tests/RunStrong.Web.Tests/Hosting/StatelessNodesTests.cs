using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RunStrong.TestSupport;
using RunStrong.Web.Hosting;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Hosting;

/// <summary>Web nodes keep no state of their own: two nodes on one database read each other's protected data.</summary>
public class StatelessNodesTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task TwoNodes_OnOneDatabase_ShareTheirDataProtectionKeys(string engine)
    {
        await using var first = await RunningServer.StartAsync(engine);
        await using var second = await first.SecondNodeAsync();

        // Both nodes keep their keys in the shared database, not in a folder of their own (which, in one test
        // process, would be shared anyway and prove nothing).
        foreach (var node in new[] { first, second })
        {
            var options = node.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value;
            Assert.IsType<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.EntityFrameworkCoreXmlRepository<RunStrong.Data.RunStrongDbContext>>(options.XmlRepository);
        }

        // What antiforgery tokens and cookies rest on: a payload protected by one node opens on the other.
        var sealedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("RunStrong.Tests").Protect("set 3 of hip thrusts");
        var openedBySecond = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("RunStrong.Tests").Unprotect(sealedByFirst);

        Assert.Equal("set 3 of hip thrusts", openedBySecond);
        await using var db = first.Database.CreateContext();
        Assert.Single(db.DataProtectionKeys);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ASessionSignedInOnOneNode_WorksOnTheOther_FormsAndApiChangesIncluded(string engine)
    {
        await using var first = await RunningServer.StartAsync(engine);
        await using var second = await first.SecondNodeAsync();
        using var session = await first.SignInAsync();

        // The same cookies and the first node's antiforgery token, sent to the second node.
        using var onSecond = new HttpClient(new HttpClientHandler { CookieContainer = session.Cookies, AllowAutoRedirect = false }) { BaseAddress = second.Address };
        session.Cookies.Add(second.Address, session.Cookies.GetCookies(first.Address));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/log/soreness", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { date = "2026-11-20", area = "calves", score = 2 }),
        };
        request.Headers.Add("RequestVerificationToken", session.AntiforgeryToken);
        using var response = await onSecond.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var me = await onSecond.GetStringAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Contains($"\"userName\":\"{RunningServer.OwnerUserName}\"", me, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task TwoNodes_WithSharedPort_ListenOnOnePort_AndWhenOneStopsTheOtherAnswers(string engine)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var first = await RunningServer.StartWithAsync(engine, "--urls", url, $"--{SharedPort.ConfigurationKey}=true");
        await using var second = await first.SecondNodeAsync("--urls", url, $"--{SharedPort.ConfigurationKey}=true");
        Assert.Equal(first.Address, second.Address);

        // Without the setting a node on a port already taken still fails to start, as a mistyped port should.
        var taken = await Assert.ThrowsAnyAsync<IOException>(() => first.SecondNodeAsync("--urls", url));
        Assert.Contains("address already in use", taken.Message, StringComparison.OrdinalIgnoreCase);

        // A new connection for every request: the kernel hands each to one of the two listening nodes.
        for (var i = 0; i < 20; i++)
        {
            Assert.Contains($"\"userName\":\"{RunningServer.OwnerUserName}\"", await MeOnNewConnectionAsync(first), StringComparison.Ordinal);
        }

        // A rolling restart: the first node stops, and the same port still answers, from the second node.
        await first.StopNodeAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.Contains($"\"userName\":\"{RunningServer.OwnerUserName}\"", await MeOnNewConnectionAsync(second), StringComparison.Ordinal);
        }
    }

    private static async Task<string> MeOnNewConnectionAsync(RunningServer node)
    {
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = node.Address };
        client.DefaultRequestHeaders.Authorization = node.Client.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.ConnectionClose = true;
        return await client.GetStringAsync(new Uri("/api/me", UriKind.Relative));
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
