namespace RunStrong.Domain.Activities.Metrics;

/// <summary>Total climbing and descending, metres.</summary>
public readonly record struct ElevationChange(double AscentMeters, double DescentMeters);

/// <summary>Elevation gain from noisy altitude samples.</summary>
public static class Elevation
{
    /// <summary>The hysteresis RunStrong uses, metres (GoldenCheetah's; domain.md §7).</summary>
    public const double DefaultHysteresisMeters = 3.0;

    /// <summary>
    /// Ascent and descent with hysteresis (GoldenCheetah; domain.md §7): keep a reference altitude; when an altitude
    /// rises strictly above reference + threshold, add the rise and move the reference there; when it falls strictly
    /// below reference − threshold, add the fall to the descent and move the reference. NaN samples are skipped.
    /// [100, 102, 104, 103, 107, 106, 100, 104] gives 8 m with a 3 m threshold (12 m raw, threshold 0).
    /// </summary>
    /// <param name="altitudesMeters">Altitudes in time order, metres.</param>
    /// <param name="thresholdMeters">Hysteresis, metres (&gt;= 0).</param>
    public static ElevationChange GainWithHysteresis(IEnumerable<double> altitudesMeters, double thresholdMeters = DefaultHysteresisMeters)
    {
        ArgumentNullException.ThrowIfNull(altitudesMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(thresholdMeters);
        double ascent = 0, descent = 0;
        var reference = double.NaN;
        foreach (var altitude in altitudesMeters)
        {
            if (!double.IsFinite(altitude))
            {
                continue;
            }

            if (double.IsNaN(reference))
            {
                reference = altitude;
            }
            else if (altitude > reference + thresholdMeters)
            {
                ascent += altitude - reference;
                reference = altitude;
            }
            else if (altitude < reference - thresholdMeters)
            {
                descent += reference - altitude;
                reference = altitude;
            }
        }

        return new ElevationChange(ascent, descent);
    }
}
