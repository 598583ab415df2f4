namespace RunStrong.Domain.Activities.Metrics;

/// <summary>Where <see cref="ActivitySummary.DistanceMeters"/> came from.</summary>
public enum DistanceSource
{
    /// <summary>No distance could be worked out (no device distance, no positions).</summary>
    None,

    /// <summary>The device's own total or distance stream (wheel, foot pod or its GPS filtering).</summary>
    Device,

    /// <summary>Summed great-circle (haversine) distance between recorded positions.</summary>
    Geodesic,
}

/// <summary>
/// What RunStrong computes from one activity's record stream; see <see cref="ActivityMetrics.Summarise"/> for how
/// each value is worked out and where its formula comes from.
/// </summary>
/// <param name="DistanceMeters">Total distance, metres (&gt;= 0).</param>
/// <param name="DistanceSource">Whether the distance is the device's or geodesic.</param>
/// <param name="ElapsedSeconds">Start to finish, seconds, pauses included (&gt;= 0; 0 when the file has no times).</param>
/// <param name="MovingSeconds">Time moving, seconds: the device timer when it reported one, else the speed threshold rule.</param>
/// <param name="AscentMeters">Climbing with 3 m hysteresis, metres; null when there is no altitude.</param>
/// <param name="DescentMeters">Descending with 3 m hysteresis, metres; null when there is no altitude.</param>
/// <param name="AveragePaceSecondsPerKm">Moving time over distance, s/km; null without times or distance.</param>
/// <param name="AverageGradeAdjustedPaceSecondsPerKm">
/// Moving time over grade-adjusted distance (Minetti 2002), s/km: the flat pace of the same effort. Null without
/// altitude, times or distance.
/// </param>
/// <param name="Climbs">Climbs in distance order (see <see cref="Climb"/> for the definition).</param>
/// <param name="HillSprints">Short hard uphill efforts (see <see cref="HillSprint"/> for the definition).</param>
/// <param name="BestEfforts">Fastest time over each standard distance the run covers, shortest distance first.</param>
/// <param name="AverageHeartRate">Time-weighted mean, beats per minute; null when not recorded.</param>
/// <param name="MaxHeartRate">Beats per minute; null when not recorded.</param>
/// <param name="HillyMinutes">
/// Moving minutes on uphill grades of 4 % or more: credited to hip extension (gluteus maximus), domain.md §4.
/// </param>
public sealed record ActivitySummary(
    double DistanceMeters,
    DistanceSource DistanceSource,
    double ElapsedSeconds,
    double MovingSeconds,
    double? AscentMeters,
    double? DescentMeters,
    double? AveragePaceSecondsPerKm,
    double? AverageGradeAdjustedPaceSecondsPerKm,
    IReadOnlyList<Climb> Climbs,
    IReadOnlyList<HillSprint> HillSprints,
    IReadOnlyList<BestEffort> BestEfforts,
    double? AverageHeartRate,
    double? MaxHeartRate,
    double HillyMinutes)
{
    /// <summary>False when the file has no usable times: then moving time, pace and best efforts are not known (0 or null).</summary>
    public bool HasTimes { get; init; } = true;

    /// <summary>What the rules changed and which figures are not believed (see <see cref="MetricNote"/>).</summary>
    public IReadOnlyList<MetricNote> Notes { get; init; } = [];

    /// <summary>False when a figure is beyond what anyone can do (<see cref="MetricNote.Implausible"/>): no best efforts, no predictions.</summary>
    public bool IsPlausible => Notes.All(n => !n.Implausible);
}

/// <summary>
/// A climb: a stretch of the smoothed altitude profile (10 m steps, 50 m moving average) from a low point to the
/// next high point that gains at least 10 m at an average grade of at least 3 %. A climb ends when the profile
/// falls 5 m below its high point, or runs 300 m without a new high. A judgement, not a standard: it is meant to
/// find the hills a runner would name, not every bump.
/// </summary>
/// <param name="StartMeters">Distance from the start of the activity where the climb begins, metres.</param>
/// <param name="LengthMeters">Horizontal length, metres.</param>
/// <param name="GainMeters">Altitude gained, metres (smoothed profile).</param>
/// <param name="AverageGrade">Gain over length, as a fraction (0.05 = 5 %).</param>
public sealed record Climb(double StartMeters, double LengthMeters, double GainMeters, double AverageGrade);

/// <summary>
/// A hill sprint (Hudson 2008 style, domain.md §4), in runs only: 6 to 30 s at 1.3 times the activity's median moving
/// speed or faster, at or above its 90th percentile of moving speed and at 2.5 m/s (6:40 /km) or faster, uphill at an
/// average grade of 6 % or more (recorded altitudes, 3-sample means at each end), and one of a set: the next such surge
/// starts within 6 minutes, after going back down at least half the climb (or the one before did so to reach it). A judgement chosen to catch the 8–12 s all-out repeats of domain.md §4, not steady
/// hill running, a lone surge, or a hike.
/// </summary>
/// <param name="StartSeconds">Seconds from the activity start.</param>
/// <param name="DurationSeconds">Length of the effort, seconds (6–30).</param>
/// <param name="DistanceMeters">Distance covered, metres.</param>
/// <param name="AverageGrade">Average grade, fraction.</param>
/// <param name="AverageSpeedMetersPerSecond">Distance over duration, m/s.</param>
public sealed record HillSprint(double StartSeconds, double DurationSeconds, double DistanceMeters, double AverageGrade, double AverageSpeedMetersPerSecond);

/// <summary>
/// The fastest time over a standard distance inside one activity: elapsed time, short pauses included, never across a
/// stop longer than <see cref="ActivityAnalysis.LongestPauseInBestEffortSeconds"/>.
/// </summary>
/// <param name="DistanceMeters">The standard distance, metres (400, 1000, 1609.344, 5000, 10000, 21097.5, 42195).</param>
/// <param name="Seconds">Fastest time, seconds.</param>
public sealed record BestEffort(double DistanceMeters, double Seconds);
