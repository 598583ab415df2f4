namespace RunStrong.Domain.Activities.Metrics;

/// <summary>
/// Limits no runner's recording can pass: beyond them a figure is a sensor or GPS artefact (or not a run at all), so
/// it is flagged, not shown as fact, and the activity feeds no best efforts and no predictions
/// (docs/decisions/0021-activity-numbers-with-stated-validity.md).
/// </summary>
public static class Plausibility
{
    /// <summary>
    /// Men's world records on foot (World Athletics), distance in metres and time in seconds, used as the fastest
    /// possible time over a distance: 100 m 9.58 (Bolt 2009), 200 m 19.19 (Bolt 2009), 400 m 43.03 (van Niekerk
    /// 2016), 800 m 1:40.91 (Rudisha 2012), 1000 m 2:11.96 (Ngeny 1999), 1500 m 3:26.00 (El Guerrouj 1998), mile
    /// 3:43.13 (El Guerrouj 1999), 3000 m 7:17.55 (Ingebrigtsen 2024), 5000 m 12:35.36 (Cheptegei 2020), 10,000 m
    /// 26:11.00 (Cheptegei 2020), half marathon 56:42 (Kiplimo 2025), marathon 2:00:35 (Kiptum 2023), 100 km
    /// 6:05:35 (Sorokin 2022). Between two entries the limit is interpolated on a log–log scale (a Riegel curve
    /// through both); below 100 m the 100 m pace applies, beyond 100 km the 100 km pace.
    /// </summary>
    public static IReadOnlyList<(double Meters, double Seconds)> WorldRecords { get; } =
    [
        (100, 9.58), (200, 19.19), (400, 43.03), (800, 100.91), (1000, 131.96), (1500, 206.00), (1609.344, 223.13),
        (3000, 437.55), (5000, 755.36), (10000, 1571.00), (21097.5, 3402), (42195, 7235), (100000, 21935),
    ];

    /// <summary>
    /// Highest heart rate RunStrong believes, beats per minute. No adult reaches it in exercise (age-predicted maxima
    /// stay near or below 220); higher samples come from a strap or an optical sensor locking on to cadence or noise.
    /// </summary>
    public const double MaxHeartRate = 250;

    /// <summary>
    /// The vertical kilometre record: 1,000 m of climbing in 27:21 (Rémi Bonnet, Fully 2025; 28:53 by Philip Götsch,
    /// Fully 2017, before it), about 2,190 m an hour. Nobody on foot climbs faster for minutes on end; cyclists' best
    /// sustained climbing rates (VAM) stay below it too.
    /// </summary>
    public const double VerticalKilometreRecordSeconds = 27 * 60 + 21;

    /// <summary>Fastest sustained climbing rate, metres per second (1000 m over <see cref="VerticalKilometreRecordSeconds"/>).</summary>
    public const double MaxAscentMetersPerSecond = 1000 / VerticalKilometreRecordSeconds;

    /// <summary>The ascent rate is judged over stretches of at least this long, seconds: a few steps up a stair are faster.</summary>
    public const double AscentWindowSeconds = 300;

    /// <summary>The world record time over <paramref name="meters"/> on foot, seconds (see <see cref="WorldRecords"/>).</summary>
    public static double WorldRecordSeconds(double meters)
    {
        var table = WorldRecords;
        if (!(meters > 0))
        {
            return 0;
        }

        if (meters <= table[0].Meters)
        {
            return table[0].Seconds * meters / table[0].Meters;
        }

        for (var i = 1; i < table.Count; i++)
        {
            if (meters <= table[i].Meters)
            {
                var (d1, t1) = table[i - 1];
                var (d2, t2) = table[i];
                var exponent = Math.Log(t2 / t1) / Math.Log(d2 / d1);
                return t1 * Math.Pow(meters / d1, exponent);
            }
        }

        var (last, lastSeconds) = table[^1];
        return lastSeconds * meters / last;
    }

    /// <summary>True when covering <paramref name="meters"/> in <paramref name="seconds"/> on foot beats the world record.</summary>
    public static bool IsFasterThanWorldRecord(double meters, double seconds) =>
        meters > 0 && seconds >= 0 && seconds < WorldRecordSeconds(meters);
}

/// <summary>
/// Something a runner should know about a figure: a rule that shaped it (gaps not counted, grades clamped) or, when
/// <see cref="Implausible"/>, a figure RunStrong does not believe.
/// </summary>
/// <param name="Code">Kebab-case, stable for the API (<c>pace-faster-than-world-record</c>, <c>grade-clamped</c>...).</param>
/// <param name="Message">What happened and what RunStrong did about it, in the runner's words.</param>
/// <param name="Implausible">True when the activity holds a figure no runner can produce: it then feeds no best efforts and no predictions.</param>
public sealed record MetricNote(string Code, string Message, bool Implausible = false);
