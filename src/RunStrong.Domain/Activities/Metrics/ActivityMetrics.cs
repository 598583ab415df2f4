namespace RunStrong.Domain.Activities.Metrics;

/// <summary>Summarises one activity's record stream. Pure and O(n log n) in the number of records.</summary>
public static class ActivityMetrics
{
    /// <summary>
    /// Below this speed over a recording interval (0.5 m/s = 1.8 km/h) the runner counts as stopped, when the device
    /// reported no timer. A judgement: slower than the slowest steep hiking, faster than GPS drift at rest.
    /// </summary>
    public const double MovingSpeedThresholdMetersPerSecond = 0.5;

    /// <summary>Grade from which time counts as hilly (hip-extension work, domain.md §4): 4 %.</summary>
    public const double HillyGrade = 0.04;

    /// <summary>A hill sprint runs at least this many times the activity's median moving speed.</summary>
    public const double HillSprintSpeedRatio = 1.3;

    /// <summary>
    /// ...and at least the activity's 90th percentile of moving speed: a sprint is among the fastest moments of the
    /// run even though it goes uphill, so jogging up a slope in a run that is mostly walking does not count.
    /// </summary>
    public const double HillSprintSpeedPercentile = 0.9;

    /// <summary>
    /// The lowest dry land is the Dead Sea shore, about 430 m below sea level, and nobody runs above 9,000 m: an
    /// altitude outside that range is a device or converter artefact (a raw 0 with FIT's 500 m offset reads -500 m),
    /// and counting it would invent hundreds of metres of climbing.
    /// </summary>
    public const double LowestAltitudeMeters = -430;

    /// <summary>See <see cref="LowestAltitudeMeters"/>.</summary>
    public const double HighestAltitudeMeters = 9000;

    internal static bool IsPossibleAltitude(double meters) => meters is >= LowestAltitudeMeters and <= HighestAltitudeMeters;

    /// <summary>Altitude profile step, metres.</summary>
    internal const double ProfileStepMeters = 10;

    /// <summary>Samples either side in the profile's moving average (2 -> 50 m window).</summary>
    internal const int ProfileSmoothingHalfWidth = 2;

    /// <summary>
    /// Works out an <see cref="ActivitySummary"/> (<see cref="ActivityAnalysis"/> has the streams, splits, laps and route):
    /// <list type="bullet">
    /// <item>Distance: the device's total (<see cref="Activity.DeviceDistanceMeters"/>, unless it is 0 while the records
    /// moved), else the last device distance in the records; when there is none, the haversine sum over positions
    /// (<see cref="Geodesy.HaversineMeters"/>) that never counts the way between two tracks or segments, across a clock
    /// jump, or a step faster than the sport allows (<see cref="ActivityAnalysis.FastestOnFootMetersPerSecond"/>,
    /// <see cref="ActivityAnalysis.FastestOtherwiseMetersPerSecond"/>).</item>
    /// <item>Elapsed: the device's elapsed time unless the records contradict it (it is shorter than they last, or longer
    /// by more than a day), else the records' span without clock jumps.</item>
    /// <item>Moving: the device timer (<see cref="Activity.DeviceTimerSeconds"/>) when present, not 0 and not longer than
    /// the elapsed time (by more than 5 s or 1 %), else the recording intervals covered at <see cref="MovingSpeedThresholdMetersPerSecond"/> or
    /// faster over about 10 s (all intervals when there is no distance at all, e.g. an indoor session with heart rate only).</item>
    /// <item>Ascent/descent: <see cref="Elevation.GainWithHysteresis"/> on the recorded altitudes (3 m), track by track.</item>
    /// <item>Grades: from an altitude profile resampled every 10 m of distance and smoothed by a 50 m moving average.</item>
    /// <item>Grade-adjusted pace, on foot only: the average pace × Σ interval distance / Σ (interval distance ×
    /// <see cref="GradeAdjustedPace.Factor"/>) over the moving intervals; grades beyond ±45 % (the range Minetti 2002
    /// measured) count as ±45 % and a note says how much of the distance that was.</item>
    /// <item>Best efforts (runs, and activities of unknown sport): <see cref="BestEfforts.Fastest"/> on the distance stream
    /// for each standard distance covered, never across a break or a stop longer than
    /// <see cref="ActivityAnalysis.LongestPauseInBestEffortSeconds"/>.</item>
    /// <item>Heart rate: mean of samples weighted by the time to the next sample (capped at 30 s so pauses do not
    /// dominate); max of samples; samples above <see cref="Plausibility.MaxHeartRate"/> left out; falls back to
    /// sessions/laps when the records hold none.</item>
    /// <item>Notes (<see cref="ActivitySummary.Notes"/>): what a rule changed, and figures beyond
    /// <see cref="Plausibility"/>'s limits; an activity with such a figure has no best efforts.</item>
    /// </list>
    /// </summary>
    public static ActivitySummary Summarise(Activity activity) => ActivityAnalysis.Of(activity).Summary;
}
