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

        // What antiforgery tokens and cookies rest on: a payload protected by one node opens on the other.
        var sealedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("RunStrong.Tests").Protect("set 3 of hip thrusts");
        var openedBySecond = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("RunStrong.Tests").Unprotect(sealedByFirst);

        Assert.Equal("set 3 of hip thrusts", openedBySecond);
        await using var db = first.Database.CreateContext();
        Assert.NotEmpty(db.DataProtectionKeys);
    }
}
