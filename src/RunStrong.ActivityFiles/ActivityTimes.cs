namespace RunStrong.ActivityFiles;

/// <summary>Time conventions shared by the readers.</summary>
internal static class ActivityTimes
{
    /// <summary>
    /// The time of a point whose file gave none. <see cref="Domain.Activities.RecordPoint"/> cannot hold "no time",
    /// so the readers use <see cref="DateTime.MinValue"/> (UTC) and warn.
    /// </summary>
    public static readonly DateTime None = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    /// <summary>The GPS epoch (1980-01-06): an earlier time in a track is a placeholder, not a recording.</summary>
    public static readonly DateTime EarliestPlausible = new(1980, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The earliest start an activity is given: 1990-01-01. FIT counts from 1989-12-31, so a FIT time of 0 (or a
    /// device clock that was never set) lands just after it; earlier or such times are not a date.
    /// </summary>
    public static readonly DateTime EarliestActivity = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
