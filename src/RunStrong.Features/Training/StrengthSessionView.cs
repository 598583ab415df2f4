using System.Globalization;
using RunStrong.Data.Entities;

namespace RunStrong.Features.Training;

/// <summary>A logged set as the API and the CLI's JSON show it: the load in the unit it was typed in.</summary>
public sealed record LoggedSetView(
    int Position,
    string Exercise,
    string Variant,
    int Reps,
    double? LoadValue,
    string? LoadUnit,
    string? Band,
    int? Seconds,
    double? Rpe,
    int? RepsInReserve,
    bool Pain,
    bool Completed,
    long Id = 0)
{
    public static LoggedSetView From(LoggedSetRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Position, r.ExerciseSlug, r.VariantSlug, r.Reps, r.LoadValue, r.LoadUnit, r.Band, r.Seconds, r.Rpe, r.RepsInReserve, r.Pain, r.Completed, r.Id)
        {
            Garmin = r.GarminExercise,
            ClientId = r.ClientId,
        };
    }

    /// <summary>
    /// For a set read from a watch, the exercise as the watch named it (<c>hip-raise/barbell-hip-thrust-with-bench</c>);
    /// null for a set logged by hand. A set still waiting for its mapping has <see cref="Exercise"/> <c>unmapped</c>.
    /// </summary>
    public string? Garmin { get; init; }

    /// <summary>The key the client that logged the set gave it (<see cref="LogSet.Request.ClientId"/>); null without one.</summary>
    public string? ClientId { get; init; }

    /// <summary>The set in the CLI's notation: <c>12x60kg@7</c>, <c>10+light</c>, <c>30s</c>, with <c>:pain</c>/<c>:failed</c>.</summary>
    public string Notation => SetNotation.Format(this);

    /// <summary>For people, in the runner's unit: "Bulgarian split squat, dumbbells: 8 x 12 kg" (the log's API fills it).</summary>
    public string? Text { get; init; }
}

/// <summary>A logged strength session with its sets in order.</summary>
public sealed record StrengthSessionView(
    long Id,
    DateOnly Date,
    long? PlanId,
    string? PlannedSessionKey,
    double? SessionRpe,
    double? DurationMinutes,
    string? Notes,
    IReadOnlyList<LoggedSetView> Sets)
{
    public static StrengthSessionView From(StrengthSessionRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Date, r.PlanId, r.PlannedSessionKey, r.SessionRpe, r.DurationMinutes, r.Notes,
            r.Sets.OrderBy(s => s.Position).Select(LoggedSetView.From).ToArray())
        {
            SourceActivityId = r.SourceActivityId,
            MergeWithSessionId = r.MergeWithSessionId,
        };
    }

    /// <summary>The watch activity the session was read from; null when logged by hand.</summary>
    public long? SourceActivityId { get; init; }

    /// <summary>
    /// The hand-logged session this watch session may duplicate, while the runner has not chosen (keep the watch's,
    /// keep mine, keep both); null otherwise.
    /// </summary>
    public long? MergeWithSessionId { get; init; }

    /// <summary>"hip-thrust 12x60kg@7, 12x60kg@8; clamshell 15+light" for lists.</summary>
    public string Summary => string.Join("; ", Sets.GroupBy(s => (s.Exercise, s.Variant))
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.Exercise} ({g.Key.Variant}) {string.Join(", ", g.Select(s => s.Notation))}")));
}
