using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace RunStrong.TestSupport;

/// <summary>
/// The one "now" of the test suite (issue 11: no test reads the wall clock). Fixed at <see cref="Default"/>, or at the
/// instant in RUNSTRONG_TEST_NOW, which <c>./test.sh --date 2028-02-29</c> sets to run the whole suite on another day.
/// Tests build their clocks (<see cref="FakeTimeProvider"/>) and their dates from it, so every date a test uses moves
/// with it and the suite checks the calendar on the days that stress it.
/// </summary>
public static class TestClock
{
    /// <summary>The environment variable <c>./test.sh --date</c> sets: a day (taken at 10:00 UTC) or an ISO 8601 instant.</summary>
    public const string Variable = "RUNSTRONG_TEST_NOW";

    /// <summary>The suite's own day when nothing else is asked: a Thursday, the day the wall-clock tests were found failing.</summary>
    public static readonly DateTimeOffset Default = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<DateTimeOffset> NowValue = new(Read);

    /// <summary>The suite's instant "now" (UTC).</summary>
    public static DateTimeOffset Now => NowValue.Value;

    /// <summary>The suite's day (the UTC day of <see cref="Now"/>, as RunStrong counts a runner's day without a time zone).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The Monday of the week holding <see cref="Today"/>.</summary>
    public static DateOnly ThisMonday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

    /// <summary>The first Monday after <see cref="Today"/> (a week away when today is a Monday).</summary>
    public static DateOnly NextMonday => ThisMonday.AddDays(7);

    /// <summary>A clock standing at <see cref="Now"/>; move it on with <see cref="FakeTimeProvider.Advance"/>.</summary>
    public static FakeTimeProvider Create() => new(Now);

    /// <summary>A clock standing at <paramref name="instant"/>.</summary>
    public static FakeTimeProvider At(DateTimeOffset instant) => new(instant);

    /// <summary>A clock standing at 10:00 UTC on <paramref name="day"/>.</summary>
    public static FakeTimeProvider At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    /// <summary><see cref="Now"/> as RunStrong's test-only RUNSTRONG_TEST_CLOCK setting takes it, for the real executables.</summary>
    public static string Setting => Iso(Now);

    /// <summary>An instant in ISO 8601, UTC, to the second.</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A day as yyyy-MM-dd.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Read()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new InvalidOperationException($"{Variable}='{value}' is neither a day (2028-02-29) nor an ISO 8601 instant (2028-02-29T01:30:00Z).");
    }
}
