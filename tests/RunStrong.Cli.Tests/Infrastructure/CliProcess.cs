using System.Diagnostics;
using System.Text.Json;

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
    public static async Task<CliResult> RunInTerminalAsync(int columns, params string[] args)
    {
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
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
