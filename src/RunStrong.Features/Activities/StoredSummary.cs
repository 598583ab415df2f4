using System.Text.Json;
using RunStrong.Domain.Activities;
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

    /// <summary>False when the file had no times (distance and climbing only). Rows stored before this existed read true.</summary>
    public bool HasTimes { get; init; } = true;

    /// <summary>Where the start time came from: <c>recorded</c>, <c>file-metadata</c> or <c>entered</c> (for files without times).</summary>
    public string StartTimeSource { get; init; } = "recorded";

    /// <summary>What the rules changed and which figures are not believed (<see cref="MetricNote"/>); empty in rows stored before.</summary>
    public IReadOnlyList<MetricNote> Notes { get; init; } = [];

    /// <summary>
    /// True when the file ended before the data it announced (<see cref="Activity.CutShort"/>): the activity holds what came
    /// before the cut, and a complete copy of the recording replaces it on import. Rows stored before this existed read false.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool CutShort { get; init; }

    /// <summary>False when a figure is beyond what anyone can do: then the run feeds no predictions.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPlausible => Notes.All(n => !n.Implausible);

    public static StoredSummary From(
        ActivitySummary summary, IReadOnlyList<string> warnings, StartTimeSource startTimeSource = Domain.Activities.StartTimeSource.Recorded, bool cutShort = false) => new(
        Kebab.Name(summary.DistanceSource),
        summary.AveragePaceSecondsPerKm,
        summary.AverageGradeAdjustedPaceSecondsPerKm,
        summary.Climbs,
        summary.HillSprints,
        summary.BestEfforts,
        summary.HillyMinutes,
        warnings)
    {
        HasTimes = summary.HasTimes,
        StartTimeSource = Kebab.Name(startTimeSource),
        Notes = summary.Notes,
        CutShort = cutShort,
    };

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
                Notes = s.Notes ?? [],
                StartTimeSource = s.StartTimeSource ?? "recorded",
            }
            : Empty;
}
