using System.Globalization;

namespace RunStrong.Features.Common;

/// <summary>
/// The one rule for the day of anything logged (runs and other activities, strength sessions and their sets, soreness
/// check-ins, hill-sprint and drills sessions), whichever way it comes in: a new entry or a correction, through the API,
/// the CLI, the web forms, or an imported export. And the days a page or query may ask to see. A day outside these is
/// refused with a message naming the field and the range, so a typo never stores a run in year 9999 (which took the
/// dashboard down for good: its week ends past the calendar's last day).
/// </summary>
public static class LoggedDays
{
    /// <summary>The first day anything can be logged on: 1990-01-01 (the FIT epoch is 1989-12-31; no GPS watch is older).</summary>
    public static readonly DateOnly Earliest = new(1990, 1, 1);

    /// <summary>
    /// How far after today a planned session (strength, hill sprints, drills) may be logged: 7 days. The gym page opens any
    /// day of the plan (<c>/log?date=…</c>, "Log this" on the plan's calendar), and a runner who does Saturday's session on
    /// Thursday logs it on Saturday's page, where its sets are prescribed; a phone that queued sets offline, or a runner
    /// travelling east of their zone, can also be a day ahead. A week covers a session done early in its plan week; a run
    /// or a check-in is only ever logged for a day that has come.
    /// </summary>
    public const int PlannedSessionDaysAhead = 7;

    /// <summary>
    /// How far after today a page or query may look: 2 years (a plan may start up to a year ahead and last 52 weeks).
    /// </summary>
    public const int ShownYearsAhead = 2;

    /// <summary>Refuses a run's or a check-in's day outside 1990-01-01 to <paramref name="today"/> (the runner's today, in their zone).</summary>
    /// <param name="what">What is logged, for the message ("run", "soreness check-in").</param>
    public static DateOnly Check(DateOnly date, DateOnly today, string field, string what) =>
        Check(date, today, field, what, daysAhead: 0);

    /// <summary>Refuses a planned session's day outside 1990-01-01 to <paramref name="today"/> plus <see cref="PlannedSessionDaysAhead"/>.</summary>
    public static DateOnly CheckPlannedSession(DateOnly date, DateOnly today, string field, string what) =>
        Check(date, today, field, what, PlannedSessionDaysAhead);

    /// <summary>True when <paramref name="date"/> is a day a run or a check-in can be logged on (<see cref="Check(DateOnly, DateOnly, string, string)"/>).</summary>
    public static bool IsLoggable(DateOnly date, DateOnly today, int daysAhead = 0) =>
        date >= Earliest && date.DayNumber <= (long)today.DayNumber + daysAhead;

    /// <summary>
    /// The latest day that is today somewhere on Earth (UTC+14): what an export made just now, in any zone, can hold. An
    /// import checks against it, so an export from a runner a day ahead of this server's idea of their day still imports.
    /// </summary>
    public static DateOnly LatestTodayAnywhere(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));
    }

    /// <summary>
    /// Refuses a day a page or query asks to see (<c>?to=</c>, <c>?date=</c>, <c>?month=</c>) outside 1990-01-01 to
    /// <see cref="ShownYearsAhead"/> years after <paramref name="today"/>: weeks and months around it stay on the calendar.
    /// </summary>
    public static DateOnly CheckShown(DateOnly date, DateOnly today, string field)
    {
        var latest = LatestShown(today);
        return date >= Earliest && date <= latest
            ? date
            : throw new UserInputException(field, $"{field}: {Iso(date)} is outside the days RunStrong shows ({Iso(Earliest)} to {Iso(latest)})");
    }

    /// <summary>True when a page may show <paramref name="date"/> (<see cref="CheckShown"/>).</summary>
    public static bool IsShown(DateOnly date, DateOnly today) => date >= Earliest && date <= LatestShown(today);

    private static DateOnly LatestShown(DateOnly today) =>
        today.Year <= DateOnly.MaxValue.Year - ShownYearsAhead ? today.AddYears(ShownYearsAhead) : DateOnly.MaxValue;

    private static DateOnly Check(DateOnly date, DateOnly today, string field, string what, int daysAhead)
    {
        if (IsLoggable(date, today, daysAhead))
        {
            return date;
        }

        throw new UserInputException(field, daysAhead == 0
            ? $"{field}: {Iso(date)} is not a day the {what} can have been on ({Iso(Earliest)} to today, {Iso(today)})"
            : string.Create(CultureInfo.InvariantCulture,
                $"{field}: {Iso(date)} is not a day the {what} can be logged on ({Iso(Earliest)} to {daysAhead} days after today, {Iso(today)})"));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
