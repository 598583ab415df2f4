using RunStrong.Domain.Training;

namespace RunStrong.Domain.Load;

/// <summary>
/// One session's internal load by the session-RPE method (Foster 2001): CR-10 RPE × minutes, in arbitrary units (AU).
/// A 45-minute run at RPE 6 is 270 AU.
/// </summary>
public sealed record SessionLoad
{
    public SessionLoad(DateOnly date, double minutes, double rpe)
    {
        Date = date;
        Minutes = Guard.AtLeast(minutes, 0, "minutes");
        Rpe = Guard.Between(rpe, 0, 10, "session RPE");
    }

    public DateOnly Date { get; }

    /// <summary>Minutes, 0 or more.</summary>
    public double Minutes { get; }

    /// <summary>CR-10 session RPE, 0–10.</summary>
    public double Rpe { get; }

    /// <summary>RPE × minutes, AU.</summary>
    public double Load => Rpe * Minutes;

    /// <summary>A run's load; null when the runner gave no RPE.</summary>
    public static SessionLoad? From(LoggedRun run) =>
        run.Rpe is { } rpe ? new SessionLoad(run.Date, run.Duration.TotalMinutes, rpe) : null;

    /// <summary>A strength session's load; null without both its duration and its session RPE.</summary>
    public static SessionLoad? From(LoggedStrengthSession session) =>
        session is { Duration: { } duration, SessionRpe: { } rpe } ? new SessionLoad(session.Date, duration.TotalMinutes, rpe) : null;
}

/// <summary>One day's total load, AU (0 on rest days).</summary>
public sealed record DailyLoad(DateOnly Date, double Load);

/// <summary>
/// A week's monotony and strain (Foster 1998, 2001): monotony = mean daily load / standard deviation of daily load over the
/// 7 days; strain = weekly load × monotony. The standard deviation is the population one (divide by 7: the week is all
/// there is, not a sample). When every day has the same load the deviation is 0 and monotony is undefined: then
/// <see cref="Monotony"/> and <see cref="Strain"/> are null and <see cref="Note"/> says why.
/// </summary>
public sealed record WeekMonotony(
    DateOnly WeekStart,
    double WeeklyLoad,
    double MeanDailyLoad,
    double StandardDeviation,
    double? Monotony,
    double? Strain,
    string? Note);

/// <summary>Daily load series, monotony and strain from session-RPE loads (Foster 2001).</summary>
public static class Foster
{
    /// <summary>CR-10 RPE × minutes, AU.</summary>
    public static double SessionLoad(double rpe, double minutes) => new SessionLoad(default, minutes, rpe).Load;

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/> inclusive, with the day's summed load (0 on rest days).</summary>
    public static IReadOnlyList<DailyLoad> DailySeries(IEnumerable<SessionLoad> sessions, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new DomainValueException($"the series must end on or after it starts, got {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        }

        var byDay = sessions.Where(s => s.Date >= from && s.Date <= to).GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Sum(s => s.Load));
        var days = to.DayNumber - from.DayNumber + 1;
        return Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(d => new DailyLoad(d, byDay.GetValueOrDefault(d))).ToArray();
    }

    /// <summary>Monotony and strain for the 7 days starting <paramref name="weekStart"/>.</summary>
    public static WeekMonotony Monotony(IEnumerable<SessionLoad> sessions, DateOnly weekStart) =>
        Monotony(weekStart, DailySeries(sessions, weekStart, Weeks.EndOf(weekStart)).Select(d => d.Load).ToArray());

    /// <summary>Monotony and strain from exactly 7 daily loads.</summary>
    public static WeekMonotony Monotony(DateOnly weekStart, IReadOnlyList<double> dailyLoads)
    {
        if (dailyLoads.Count != 7)
        {
            throw new DomainValueException($"monotony needs 7 daily loads, got {dailyLoads.Count}");
        }

        var total = dailyLoads.Sum();
        var mean = total / 7;
        var sd = Math.Sqrt(dailyLoads.Sum(l => (l - mean) * (l - mean)) / 7);
        if (sd < 1e-9)
        {
            var note = total == 0
                ? "no training load this week, so there is no monotony to show"
                : "every day had the same load, so monotony is undefined (no day-to-day variation at all): vary hard and easy days";
            return new WeekMonotony(weekStart, total, mean, 0, null, null, note);
        }

        var monotony = mean / sd;
        return new WeekMonotony(weekStart, total, mean, sd, monotony, total * monotony, null);
    }
}
