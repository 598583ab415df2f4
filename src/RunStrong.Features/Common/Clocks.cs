using System.Globalization;

namespace RunStrong.Features.Common;

/// <summary>
/// Where RunStrong's "now" comes from. Normally the system clock; for the tests that start the real executables (the
/// web app, the <c>runstrong</c> command), a test-only setting moves it to a chosen instant so that the suite passes on
/// any date (issue 11). The setting is refused outside the Testing and Development environments, so a production
/// server never runs on a made-up date.
/// </summary>
public static class Clocks
{
    /// <summary>
    /// The test-only setting, as an environment variable (both executables) or, for the web app, the configuration key
    /// <see cref="ConfigurationKey"/>: an ISO 8601 instant (<c>2028-02-29T12:00:00Z</c>) or a day (<c>2028-02-29</c>,
    /// taken as 12:00 UTC). The clock starts there and runs on from it.
    /// </summary>
    public const string EnvironmentVariable = "RUNSTRONG_TEST_CLOCK";

    /// <summary>The web app's configuration key for the same setting (<c>--RunStrong:TestClock=...</c>).</summary>
    public const string ConfigurationKey = "RunStrong:TestClock";

    /// <summary>The environments in which the test clock is honoured.</summary>
    public static readonly IReadOnlyList<string> TestEnvironments = ["Testing", "Development"];

    /// <summary>
    /// The system clock when <paramref name="setting"/> is empty; otherwise a clock that starts at the given instant,
    /// provided <paramref name="environment"/> is a test environment. Throws <see cref="UserInputException"/> naming
    /// the setting when it is malformed or used elsewhere (in Production above all).
    /// </summary>
    public static TimeProvider FromSetting(string? setting, string? environment)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return TimeProvider.System;
        }

        if (environment is null || !TestEnvironments.Contains(environment, StringComparer.OrdinalIgnoreCase))
        {
            throw new UserInputException(EnvironmentVariable,
                $"{EnvironmentVariable}: the test clock is refused in the {environment ?? "Production"} environment; it is for tests only " +
                "(set DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT to Testing), and a real server always runs on the system clock.");
        }

        return new StartingAt(ParseInstant(setting));
    }

    /// <summary>
    /// The UTC day now, the same on every server whatever its machine's zone: for when no runner is known (a plan
    /// previewed from a profile alone). A runner's own day is <c>RunnerPreferences.Today</c>, in their time zone.
    /// </summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    /// <summary>An ISO 8601 instant with an offset, a UTC instant, or a day (12:00 UTC on that day).</summary>
    public static DateTimeOffset ParseInstant(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        throw new UserInputException(EnvironmentVariable,
            $"{EnvironmentVariable}: '{value}' is not a date (2028-02-29) or an ISO 8601 instant (2028-02-29T12:00:00Z).");
    }

    /// <summary>A clock that reads <c>start</c> when made and runs on from there at the pace of the system clock.</summary>
    private sealed class StartingAt(DateTimeOffset start) : TimeProvider
    {
        private readonly long _origin = TimeProvider.System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start + TimeProvider.System.GetElapsedTime(_origin);
    }
}
