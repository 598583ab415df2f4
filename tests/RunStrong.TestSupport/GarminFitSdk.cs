using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace RunStrong.TestSupport;

/// <summary>
/// Garmin's JavaScript FIT SDK (@garmin/fitsdk) as the reference decoder for the FIT files RunStrong writes: runs
/// <c>node tests/fitsdk/decode-workout.mjs</c> on them and returns what the SDK read. test.sh installs the SDK (the version
/// in tests/fitsdk/version) into RUNSTRONG_FITSDK; without node or the package, the test fails saying so.
/// </summary>
public static class GarminFitSdk
{
    /// <summary>The npm prefix holding node_modules/@garmin/fitsdk: RUNSTRONG_FITSDK, else test.sh's default cache.</summary>
    public static string Prefix
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("RUNSTRONG_FITSDK");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            var version = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "tests", "fitsdk", "version")).Trim();
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "runstrong", "fitsdk-" + version);
        }
    }

    /// <summary>Decodes the files; the result's <c>files</c> object is keyed by the paths as given.</summary>
    public static JsonElement Decode(params string[] paths)
    {
        var prefix = Prefix;
        if (!File.Exists(Path.Combine(prefix, "node_modules", "@garmin", "fitsdk", "package.json")))
        {
            Assert.Fail($"Garmin's JavaScript FIT SDK is not installed under {prefix}: run ./test.sh (it installs @garmin/fitsdk there), or npm install --prefix DIR @garmin/fitsdk@VERSION and set RUNSTRONG_FITSDK=DIR.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Fixtures.RepositoryRoot, "tests", "fitsdk", "decode-workout.mjs"));
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        start.Environment["RUNSTRONG_FITSDK"] = prefix;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"node is not on PATH ({e.Message}): the FIT workout tests decode with Garmin's JavaScript FIT SDK, which needs Node.js.");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"node decode-workout.mjs exited {process.ExitCode}: {stderr.Result}");
            return JsonDocument.Parse(stdout).RootElement.Clone();
        }
    }
}
