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
}
