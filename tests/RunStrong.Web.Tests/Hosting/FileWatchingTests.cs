using System.Text.RegularExpressions;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Hosting;

/// <summary>
/// A server holds no file watcher (docs/decisions/0032): on Linux each is an inotify instance, 128 per user by default,
/// and when they ran out the first page answered 500.
/// </summary>
[Collection(nameof(AloneInTheProcess))]
public partial class FileWatchingTests
{
    /// <summary>The inotify instances this process holds (file descriptors whose target is an inotify inode).</summary>
    private static int InotifyInstances() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd =>
        {
            try
            {
                return fd.LinkTarget == "anon_inode:inotify";
            }
            catch (IOException)
            {
                return false; // closed while listed
            }
        });

    [GeneratedRegex("/css/site\\.css\\?v=([^\"]+)\"")]
    private static partial Regex StylesheetVersion();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AServer_ItsSettingsAndPagesWithVersionedAssets_HoldNoInotifyInstance(string engine)
    {
        var before = InotifyInstances();
        await using var server = await RunningServer.StartAsync(engine);
        using var session = await server.SignInAsync();
        foreach (var path in new[] { "/", "/log", "/plans", "/exercises", "/activities", "/settings" })
        {
            Assert.Matches(StylesheetVersion(), await RunningServer.PageAsync(session.Client, path, server));
        }

        Assert.Equal(before, InotifyInstances());
    }

    [Fact]
    public async Task AStylesheetEditedInPlace_GetsANewVersionOnTheNextPages()
    {
        var webRoot = Directory.CreateTempSubdirectory("runstrong-webroot-");
        try
        {
            Directory.CreateDirectory(Path.Combine(webRoot.FullName, "css"));
            var stylesheet = Path.Combine(webRoot.FullName, "css", "site.css");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "wwwroot", "css", "site.css"), stylesheet);
            await using var server = await RunningServer.StartWithAsync("sqlite", "--webroot", webRoot.FullName);
            using var anonymous = new HttpClient { BaseAddress = server.Address };
            var first = StylesheetVersion().Match(await RunningServer.PageAsync(anonymous, "/account/signin", server)).Groups[1].Value;

            await File.AppendAllTextAsync(stylesheet, "\n/* a self-hoster's own colours */\n.brand { color: rebeccapurple; }\n");
            File.SetLastWriteTimeUtc(stylesheet, File.GetLastWriteTimeUtc(stylesheet).AddMinutes(1)); // later than any time it had

            // The version is looked at again when a page asks, at most every few seconds; ask until it changes.
            var next = first;
            for (var attempt = 0; attempt < 120 && next == first; attempt++)
            {
                await Task.Delay(250);
                next = StylesheetVersion().Match(await RunningServer.PageAsync(anonymous, "/account/signin", server)).Groups[1].Value;
            }

            Assert.NotEqual(first, next);
            using var css = await anonymous.GetAsync(new Uri($"/css/site.css?v={next}", UriKind.Relative));
            Assert.Contains("rebeccapurple", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            webRoot.Delete(recursive: true);
        }
    }
}
