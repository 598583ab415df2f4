using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace RunStrong.TestSupport;

/// <summary>
/// Garmin's JavaScript FIT SDK (@garmin/fitsdk) as the reference decoder for the FIT files RunStrong writes (runs
/// <c>node tests/fitsdk/decode-workout.mjs</c> on them and returns what the SDK read) and as the encoder of the watch
/// activities RunStrong imports in tests (<c>tests/fitsdk/encode-strength.mjs</c>). test.sh installs the SDK (the version
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
    public static JsonElement Decode(params string[] paths) =>
        JsonDocument.Parse(Run("decode-workout.mjs", paths)).RootElement.Clone();

    /// <summary>
    /// Writes, with the SDK's Encoder, the strength activity of <c>tests/fitsdk/encode-strength.mjs</c> (hip thrusts,
    /// back squats, a bench press, a bodyweight hip raise, an unknown exercise; a rest set after each) starting at
    /// <paramref name="start"/> (UTC), weights entered in <paramref name="unit"/> (<c>pound</c> or <c>kilogram</c>).
    /// </summary>
    public static string EncodeStrength(string path, DateTime start, string unit)
    {
        Run("encode-strength.mjs", [path, start.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), unit]);
        Assert.True(File.Exists(path), $"encode-strength.mjs wrote no {path}");
        return path;
    }

    private static string Run(string script, IEnumerable<string> arguments)
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
        start.ArgumentList.Add(Path.Combine(Fixtures.RepositoryRoot, "tests", "fitsdk", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RUNSTRONG_FITSDK"] = prefix;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"node is not on PATH ({e.Message}): the FIT tests read and write files with Garmin's JavaScript FIT SDK, which needs Node.js.");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"node {script} exited {process.ExitCode}: {stderr.Result}");
            return stdout;
        }
    }
}
