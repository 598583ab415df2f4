using System.Net.Http.Json;
using System.Text.Json;
using RunStrong.Web.Tests.Accounts;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Imports;

/// <summary><c>runstrong import EXPORT.zip</c> logged in to a server: the real executable, a background import on the real server.</summary>
public class CliRemoteImportTests
{
    [Fact]
    public async Task Import_OfAnExportZip_RunsAsABackgroundImport_AndPrintsEachFilesResult()
    {
        await using var server = await RunningServer.StartAsync();
        var runner = await server.CreateAccountAsync("hill-runner", "a long enough password", owner: false, "read", "write");
        using var cli = new RemoteCli();
        var url = server.Address.ToString().TrimEnd('/');
        Assert.Equal(0, (await cli.RunWithStdinAsync(runner.Token, "login", url)).ExitCode);
        var zip = Path.Combine(cli.Home, "export.zip");
        await File.WriteAllBytesAsync(zip, ExportArchives.Build(40, withBadFiles: true));

        var import = await cli.RunAsync("import", zip);

        Assert.True(import.ExitCode == 2, $"exit {import.ExitCode}: {import.Stdout} {import.Stderr}");
        Assert.Contains("40 imported, 0 already there, 1 failed, 1 not activity files.", import.Stdout, StringComparison.Ordinal);
        Assert.Contains($"failed    {zip}!{ExportArchives.BrokenMember}  broken.gpx: ", import.Stdout, StringComparison.Ordinal);
        Assert.Contains($"imported  {zip}!export/activities/run-0040.gpx  activity ", import.Stdout, StringComparison.Ordinal);

        // It ran as a background import of this runner's, on the server.
        using var asRunner = server.ClientWithToken(runner.Token);
        var jobs = await asRunner.GetFromJsonAsync<JsonElement>(new Uri("/api/imports", UriKind.Relative));
        Assert.Equal("done", jobs[0].GetProperty("state").GetString());
        Assert.Equal(42, jobs[0].GetProperty("entriesDone").GetInt32());
        Assert.Equal(40, (await asRunner.GetFromJsonAsync<JsonElement>(new Uri("/api/activities?page=1&pageSize=100", UriKind.Relative))).GetProperty("total").GetInt32());
    }
}
