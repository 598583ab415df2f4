using System.Globalization;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Features.Activities;

namespace RunStrong.Features.Predictions;

/// <summary>
/// Which stored runs race predictions start from: road runs and races, nothing else. The models (Riegel, VDOT,
/// Cameron; domain.md §5) were fitted on races on roads and tracks, so a trail run, a hike, a ride, a treadmill run
/// (the distance is the device's estimate) or a run with an impossible figure would make every prediction wrong.
/// They are left out, not adjusted, and the prediction page says how many and why
/// (docs/decisions/0021-activity-numbers-with-stated-validity.md).
/// </summary>
public static class PredictionRuns
{
    /// <summary>
    /// A run climbing more than this per kilometre is a mountain or trail run whatever its file calls it, metres per km
    /// (a hilly road race such as Boston climbs about 5 m a km; a judgement).
    /// </summary>
    public const double HilliestRoadMetersPerKm = 25;

    /// <summary>Sub-sports that are runs on roads, tracks or streets (FIT's names, kebab-case); no sub-sport counts too.</summary>
    private static readonly HashSet<string> RoadSubSports = new(StringComparer.OrdinalIgnoreCase) { "generic", "road", "street", "track" };

    private const string Implausible = "holds a figure nobody can run";

    /// <summary>True when a run's distance and time, or one of its best efforts, beat the world record (<see cref="Plausibility"/>).</summary>
    private static bool FasterThanWorldRecord(StoredActivity row, StoredSummary summary)
    {
        var seconds = row.MovingSeconds > 0 ? row.MovingSeconds : row.ElapsedSeconds;
        return Plausibility.IsFasterThanWorldRecord(row.DistanceMeters, seconds)
            || summary.BestEfforts.Any(e => Plausibility.IsFasterThanWorldRecord(e.DistanceMeters, e.Seconds));
    }

    /// <summary>Why a stored activity does not feed predictions (a few words, such as "a trail run"), or null when it does.</summary>
    public static string? WhyLeftOut(StoredActivity row, StoredSummary summary)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(summary);
        if (row.Format == "manual")
        {
            // Typed in: no file to flag it, so its own numbers are checked as an import's are (a 5k in 12:00 is a typo, decision 0021).
            return FasterThanWorldRecord(row, summary) ? Implausible : null;
        }

        if (row.Sport != "running")
        {
            return row.Sport is "hiking" or "walking" ? "a hike or walk" : "not a run";
        }

        if (row.SubSport is { } sub && !RoadSubSports.Contains(sub))
        {
            return sub switch
            {
                "trail" => "a trail run",
                "treadmill" or "indoor-running" => "a treadmill run",
                "virtual-activity" => "a virtual run",
                _ => string.Create(CultureInfo.InvariantCulture, $"a {sub.Replace('-', ' ')} run"),
            };
        }

        if (!summary.IsPlausible)
        {
            return Implausible;
        }

        return row.DistanceMeters > 0 && row.AscentMeters / (row.DistanceMeters / 1000) > HilliestRoadMetersPerKm
            ? string.Create(CultureInfo.InvariantCulture, $"climbs more than {HilliestRoadMetersPerKm:0} m a km")
            : null;
    }
}
