using System.Diagnostics;
using System.Text.Json;
using RunStrong.TestSupport;

namespace RunStrong.Cli.Tests.Infrastructure;

/// <summary>What one run of the real <c>runstrong</c> executable printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}

/// <summary>Runs the built <c>runstrong</c> program as a separate process, as a user's shell would.</summary>
public static class CliProcess
{
    public static Task<CliResult> RunAsync(params string[] args) => RunInTerminalAsync(160, args);

    /// <summary>Runs with COLUMNS set, as in a terminal of that width (output is still redirected, so no colours).</summary>
    public static Task<CliResult> RunInTerminalAsync(int columns, params string[] args) =>
        RunWithAsync(new Dictionary<string, string?>(), columns, args);

    /// <summary>
    /// Runs with extra environment variables (a null value removes one). Every run has the suite's clock
    /// (<see cref="TestClock.Now"/>, through the test-only RUNSTRONG_TEST_CLOCK setting in the Testing environment)
    /// unless <paramref name="environment"/> says otherwise.
    /// </summary>
    public static async Task<CliResult> RunWithAsync(IReadOnlyDictionary<string, string?> environment, int columns, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = Path.Combine(AppContext.BaseDirectory, "runstrong.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A test never touches the user's own database: --db is always given, and RUNSTRONG_DB is cleared.
        start.Environment.Remove("RUNSTRONG_DB");
        start.Environment["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment[Features.Common.Clocks.EnvironmentVariable] = TestClock.Setting;
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
