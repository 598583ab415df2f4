using System.Diagnostics;
using System.Globalization;
using RunStrong.TestSupport;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>What one run of the real <c>runstrong</c> executable printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// The built <c>runstrong</c> program run as a process against a
/// running server, with a home and config folder of its own: nothing touches the real home, its credentials or its
/// database.
/// </summary>
public sealed class RemoteCli : IDisposable
{
    public RemoteCli()
    {
        Home = Directory.CreateTempSubdirectory("runstrong-cli-home-").FullName;
    }

    public string Home { get; }

    /// <summary>
    /// runstrong.dll in the CLI project's own output folder, same configuration and framework as these tests (the
    /// project reference builds it first).
    /// </summary>
    public static string Program
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var program = Path.Combine(Fixtures.RepositoryRoot, "src", "RunStrong.Cli", "bin", tests.Parent!.Name, tests.Name, "runstrong.dll");
            return File.Exists(program) ? program : throw new FileNotFoundException($"the runstrong program is expected at {program}; build the solution first", program);
        }
    }

    /// <summary>Variables to set for every run (RUNSTRONG_SERVER and RUNSTRONG_TOKEN, say).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public string ConfigHome => Path.Combine(Home, "config");

    /// <summary>Where <c>runstrong login</c> saves the server and token.</summary>
    public string CredentialsFile => Path.Combine(ConfigHome, "runstrong", "credentials.json");

    /// <summary>Runs <c>runstrong ARGS</c>; <paramref name="stdin"/>, when given, is piped in (as from <c>echo TOKEN |</c>).</summary>
    public async Task<CliRun> RunWithStdinAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Home,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var variable in new[] { "RUNSTRONG_DB", "RUNSTRONG_SERVER", "RUNSTRONG_TOKEN" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = ConfigHome;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(Home, "data");
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment[Features.Common.Clocks.EnvironmentVariable] = TestClock.Setting;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["COLUMNS"] = 160.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    public Task<CliRun> RunAsync(params string[] args) => RunWithStdinAsync(null, args);

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
