using System.Text.Json;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// What an activity's <c>SummaryJson</c> column holds: the parts of <see cref="ActivitySummary"/> that lists, the
/// dashboard, predictions and load read without opening the original file again. One shape for imported and
/// hand-entered runs (a hand-entered run has only <see cref="BestEfforts"/> when the runner gave a race result).
/// </summary>
public sealed record StoredSummary(
    string DistanceSource,
    double? AveragePaceSecondsPerKm,
    double? AverageGradeAdjustedPaceSecondsPerKm,
    IReadOnlyList<Climb> Climbs,
    IReadOnlyList<HillSprint> HillSprints,
    IReadOnlyList<BestEffort> BestEfforts,
    double HillyMinutes,
    IReadOnlyList<string> Warnings)
{
    public static readonly StoredSummary Empty = new("manual", null, null, [], [], [], 0, []);

    public static StoredSummary From(ActivitySummary summary, IReadOnlyList<string> warnings) => new(
        Kebab.Name(summary.DistanceSource),
        summary.AveragePaceSecondsPerKm,
        summary.AverageGradeAdjustedPaceSecondsPerKm,
        summary.Climbs,
        summary.HillSprints,
        summary.BestEfforts,
        summary.HillyMinutes,
        warnings);

    public string ToJson() => JsonSerializer.Serialize(this, RunStrongJson.Options);

    /// <summary>Reads a stored summary; a row written before a field existed reads that field as empty.</summary>
    public static StoredSummary Read(string json) =>
        JsonSerializer.Deserialize<StoredSummary>(json, RunStrongJson.Options) is { } s
            ? s with
            {
                Climbs = s.Climbs ?? [],
                HillSprints = s.HillSprints ?? [],
                BestEfforts = s.BestEfforts ?? [],
                Warnings = s.Warnings ?? [],
            }
            : Empty;
}
