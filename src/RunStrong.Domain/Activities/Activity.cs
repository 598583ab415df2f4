namespace RunStrong.Domain.Activities;

/// <summary>The file format an activity was read from.</summary>
public enum ActivityFormat
{
    Fit,
    Gpx,
    Tcx,
    Manual,
}

/// <summary>Sport of an activity or session; written kebab-case outside the process (<c>running</c>).</summary>
public enum Sport
{
    Unknown,
    Running,
    Cycling,
    Walking,
    Hiking,
    Swimming,
    Training,
    Multisport,
    Transition,
    Other,
}

/// <summary>Where <see cref="Activity.StartTime"/> came from.</summary>
public enum StartTimeSource
{
    /// <summary>The recording's own times (first record, session or lap).</summary>
    Recorded,

    /// <summary>The file's metadata time (GPX &lt;metadata&gt;&lt;time&gt;, FIT time_created): the file has no recorded times.</summary>
    FileMetadata,

    /// <summary>The day the runner gave on import, for a file without times.</summary>
    Entered,

    /// <summary>Nowhere: the file has no times and no date (<see cref="Activity.StartTime"/> is <see cref="DateTime.MinValue"/>).</summary>
    Unknown,
}

/// <summary>
/// One recorded activity, whatever format it came from: the one model for FIT, GPX and TCX.
/// Times are UTC. Device-reported totals are kept as the device gave them; metrics computed from the record
/// stream live in <c>ActivitySummary</c>.
/// </summary>
public sealed class Activity
{
    public required ActivityFormat Format { get; init; }

    public Sport Sport { get; set; } = Sport.Unknown;

    /// <summary>Kebab-case sub-sport when the source names one (<c>trail</c>, <c>treadmill</c>, <c>track</c>), else null.</summary>
    public string? SubSport { get; set; }

    /// <summary>Start time, UTC; <see cref="DateTime.MinValue"/> when <see cref="StartTimeSource"/> is Unknown.</summary>
    public required DateTime StartTime { get; set; }

    /// <summary>Where <see cref="StartTime"/> came from: recorded, the file's metadata, entered by the runner, or unknown.</summary>
    public StartTimeSource StartTimeSource { get; set; } = StartTimeSource.Recorded;

    /// <summary>
    /// False when the records carry no usable times (a planned route, a GPX of bare points, times that were placeholders):
    /// then only distance and climbing can be worked out.
    /// </summary>
    public bool TimesRecorded { get; set; } = true;

    /// <summary>
    /// Indices into <see cref="Records"/> where a new track or track segment starts (GPX &lt;trk&gt;/&lt;trkseg&gt;,
    /// TCX &lt;Track&gt;), in increasing order; the first segment's start (0) is not listed. The way from the last point
    /// of one segment to the first of the next was not recorded: it is never counted as distance or moving time.
    /// </summary>
    public IReadOnlyList<int> SegmentStarts { get; set; } = [];

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The record stream, in time order.</summary>
    public IReadOnlyList<RecordPoint> Records { get; set; } = [];

    public IReadOnlyList<Lap> Laps { get; set; } = [];

    /// <summary>Sessions: one for most activities, several for multisport.</summary>
    public IReadOnlyList<ActivitySession> Sessions { get; set; } = [];

    /// <summary>FIT strength sets (set message), when the device recorded a strength workout.</summary>
    public IReadOnlyList<StrengthSet> StrengthSets { get; set; } = [];

    /// <summary>Total distance the device reported, metres; null when it reported none.</summary>
    public double? DeviceDistanceMeters { get; set; }

    /// <summary>Total elapsed time the device reported, seconds.</summary>
    public double? DeviceElapsedSeconds { get; set; }

    /// <summary>Total timer (moving) time the device reported, seconds.</summary>
    public double? DeviceTimerSeconds { get; set; }

    /// <summary>
    /// True when the file ends before the data it announces (a copy or a transfer cut short): the activity holds only what
    /// came before the cut, and a complete copy of the same recording replaces it when imported.
    /// </summary>
    public bool CutShort { get; set; }

    /// <summary>What the reader salvaged or doubted, in words a runner can act on.</summary>
    public List<string> Warnings { get; } = [];
}

/// <summary>
/// One sample of the record stream. Absent values are <see cref="double.NaN"/>, so the stream is a flat array of
/// structs whatever the source recorded.
/// </summary>
/// <param name="Time">UTC.</param>
/// <param name="Latitude">Degrees, WGS84.</param>
/// <param name="Longitude">Degrees, WGS84.</param>
/// <param name="AltitudeMeters">Metres above sea level.</param>
/// <param name="DistanceMeters">Cumulative distance from the start as the device recorded it, metres.</param>
/// <param name="SpeedMetersPerSecond">Instantaneous speed, m/s.</param>
/// <param name="HeartRate">Beats per minute.</param>
/// <param name="Cadence">Per minute as recorded (FIT running cadence is strides per minute per leg pair).</param>
/// <param name="PowerWatts">Watts.</param>
public readonly record struct RecordPoint(
    DateTime Time,
    double Latitude,
    double Longitude,
    double AltitudeMeters,
    double DistanceMeters,
    double SpeedMetersPerSecond,
    double HeartRate,
    double Cadence,
    double PowerWatts)
{
    /// <summary>A point with only a time; every other value absent.</summary>
    public static RecordPoint At(DateTime time) =>
        new(time, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public bool HasPosition => !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
}

/// <summary>A lap as the device or file recorded it.</summary>
public sealed record Lap(
    DateTime StartTime,
    double? ElapsedSeconds,
    double? TimerSeconds,
    double? DistanceMeters,
    double? AverageHeartRate,
    double? MaxHeartRate);

/// <summary>A session (FIT session message, TCX activity in a multisport file); multisport activities have several.</summary>
public sealed record ActivitySession(
    Sport Sport,
    string? SubSport,
    DateTime StartTime,
    double? ElapsedSeconds,
    double? TimerSeconds,
    double? DistanceMeters,
    double? AscentMeters,
    double? DescentMeters,
    double? AverageHeartRate,
    double? MaxHeartRate);

/// <summary>A strength set recorded by a watch (FIT set message).</summary>
/// <param name="Category">
/// FIT exercise category name as recorded, kebab-case when known (<c>hip-raise</c>), <c>unknown</c> when the watch did not
/// recognise the exercise (category 65534), else null.
/// </param>
/// <param name="WeightKg">Kilograms as FIT stores them (1/16 kg steps), null when bodyweight or not recorded.</param>
public sealed record StrengthSet(
    DateTime StartTime,
    double? DurationSeconds,
    int? Repetitions,
    double? WeightKg,
    string? Category,
    bool IsRest)
{
    /// <summary>
    /// The exercise's name within <see cref="Category"/> (FIT category_subtype), kebab-case as Garmin's profile names it
    /// (<c>barbell-hip-thrust-with-bench</c>); <c>#N</c> for a value the profile does not list; null when not recorded.
    /// </summary>
    public string? ExerciseName { get; init; }

    /// <summary>The unit the runner entered the weight in on the watch or in Garmin Connect: <c>kilogram</c>, <c>pound</c> or null.</summary>
    public string? WeightDisplayUnit { get; init; }
}
