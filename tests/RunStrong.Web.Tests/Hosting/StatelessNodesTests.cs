using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RunStrong.TestSupport;
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
}
