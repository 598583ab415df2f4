using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace RunStrong.Web.Hosting;

/// <summary>
/// RunStrong holds no file watchers (docs/decisions/0032). ASP.NET Core's defaults watch appsettings.json for changes
/// and, on the first page that links a versioned asset (<c>asp-append-version</c>, every page's stylesheet), the web
/// root: on Linux each watcher is an inotify instance, of which a user has 128 by default, shared by every process
/// the user runs. When they are used up (containers, a busy host, a test suite of many servers and browsers) that first
/// page answered 500 with "The configured user limit (128) on the number of inotify instances has been reached".
/// </summary>
public static class FileWatching
{
    /// <summary>The configuration key ASP.NET Core reads, before anything else, to decide whether settings files are watched.</summary>
    public const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>
    /// <paramref name="args"/> with settings files read once at start (RunStrong reads its settings there; a change takes
    /// a restart), unless the command line or the environment says otherwise.
    /// </summary>
    public static string[] ReadSettingsOnce(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var chosen = args.Any(a => a.Contains(ReloadConfigOnChangeKey, StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange") is not null
            || Environment.GetEnvironmentVariable("ASPNETCORE_hostBuilder__reloadConfigOnChange") is not null;
        return chosen ? args : [$"--{ReloadConfigOnChangeKey}=false", .. args];
    }

    /// <summary>
    /// Asset versions follow the files by looking at them (at most every 4 seconds, when a page asks) instead of by a
    /// watcher: a stylesheet edited in place still gets a new version, and no inotify instance is needed.
    /// (<see cref="PhysicalFileProvider.UsePollingFileWatcher"/> polls as well as watching, not instead.)
    /// </summary>
    public static void LookInsteadOfWatching(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.WebRootFileProvider is PhysicalFileProvider webRoot)
        {
            environment.WebRootFileProvider = new LookingFileProvider(webRoot);
        }
    }

    /// <summary>The files of <paramref name="files"/>, whose changes are seen by polling only (no FileSystemWatcher).</summary>
    private sealed class LookingFileProvider(PhysicalFileProvider files) : IFileProvider
    {
        private readonly PhysicalFilesWatcher _looker = new(files.Root, fileSystemWatcher: null, pollForChanges: true);

        public IFileInfo GetFileInfo(string subpath) => files.GetFileInfo(subpath);

        public IDirectoryContents GetDirectoryContents(string subpath) => files.GetDirectoryContents(subpath);

        public IChangeToken Watch(string filter) =>
            filter is null ? NullChangeToken.Singleton : _looker.CreateFileChangeToken(filter.TrimStart('/', '\\'));
    }
}
