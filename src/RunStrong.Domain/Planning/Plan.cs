using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunStrong.Domain.Planning;

/// <summary>Training phase of a plan week. Base and build carry 2 strength sessions, peak 2, taper 1 (see <see cref="PlanGenerator"/>).</summary>
public enum TrainingPhase
{
    Base,
    Build,
    Peak,
    Taper,
}

/// <summary>What a planned session is. Written kebab-case: <c>strength</c>, <c>hill-sprints</c>, <c>drills</c>.</summary>
public enum SessionKind
{
    /// <summary>Lower-body strength after the day's run (domain.md §2).</summary>
    Strength,
    /// <summary>Hill sprints after an easy run (Hudson 2008, domain.md §4).</summary>
    HillSprints,
    /// <summary>Warm-up drills before a quality run or race (RAMP, domain.md §4).</summary>
    Drills,
}

/// <summary>
/// A generated plan: weeks from the start date to race day (or N weeks), Monday-based, the first and last possibly partial,
/// and warnings in the runner's words. Serialise with <see cref="PlanJson"/>.
/// </summary>
public sealed record Plan
{
    public required IReadOnlyList<PlanWeek> Weeks { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every day of the plan, in order.</summary>
    [JsonIgnore]
    public IEnumerable<PlanDay> Days => Weeks.SelectMany(w => w.Days);
}

/// <summary>One Monday-to-Sunday week (the first and last may be shorter). <see cref="Index"/> counts from 1.</summary>
public sealed record PlanWeek
{
    public required int Index { get; init; }

    public required TrainingPhase Phase { get; init; }

    /// <summary>
    /// True for a deload week (every fourth week in base and build: fewer sets and reps, 2 more reps in reserve, same
    /// exercises and frequency; Rogerson 2024). Not in the JSON shape; each session's reason says "Deload week" instead.
    /// </summary>
    [JsonIgnore]
    public bool Deload { get; init; }

    public required IReadOnlyList<PlanDay> Days { get; init; }
}

/// <summary>A day: the run from the runner's week (null on rest days) and the sessions RunStrong adds, in the order to do them.</summary>
public sealed record PlanDay
{
    public required DateOnly Date { get; init; }

    public PlannedRun? Run { get; init; }

    public IReadOnlyList<PlanSession> Sessions { get; init; } = [];
}

/// <summary>
/// The day's run as the runner planned it; on race day, <see cref="PlannedRunType.Race"/>. The run is the runner's own:
/// <see cref="Target"/> suggests a duration and an effort or pace for it, and never moves a run to another day.
/// </summary>
public sealed record PlannedRun(PlannedRunType Type)
{
    /// <summary>What to aim for on this run (see <see cref="RunTargets"/>); null on a rest day.</summary>
    public RunTarget? Target { get; init; }
}

/// <summary>
/// A suggested target for one of the runner's own runs: a duration, the effort in words, and, when the runner gave a
/// recent result, a pace range from Daniels' training paces (<see cref="Prediction.TrainingPaces"/>) in the runner's
/// distance unit. For the goal race, the finishing time the result predicts (Daniels &amp; Gilbert 1979).
/// </summary>
public sealed record RunTarget
{
    /// <summary>Shortest suggested duration, minutes (the whole run, warm-up and cool-down included); null for a race.</summary>
    public int? MinutesMin { get; init; }

    /// <summary>Longest suggested duration, minutes; null for a race.</summary>
    public int? MinutesMax { get; init; }

    /// <summary>The effort in words: "easy: you could hold a conversation (RPE 3–4)".</summary>
    public required string Effort { get; init; }

    /// <summary>The hard part of a quality run: "3 × 8 min at threshold pace, 2 min jog between"; null otherwise.</summary>
    public string? Workout { get; init; }

    /// <summary>The pace range in the runner's unit, faster end first: "5:36–6:11 /km"; null without a recent result.</summary>
    public string? Pace { get; init; }

    /// <summary>Faster end of <see cref="Pace"/>, seconds per km.</summary>
    public double? PaceFastSecondsPerKm { get; init; }

    /// <summary>Slower end of <see cref="Pace"/>, seconds per km.</summary>
    public double? PaceSlowSecondsPerKm { get; init; }

    /// <summary>Race day only: the finishing time the runner's result predicts, rounded as precisely as it is known.</summary>
    public string? FinishTime { get; init; }
}

/// <summary>A session with the reason it sits on this day, in words.</summary>
public sealed record PlanSession
{
    public required SessionKind Kind { get; init; }

    public required string Reason { get; init; }

    public required IReadOnlyList<PlannedExercise> Exercises { get; init; }
}

/// <summary>
/// One exercise's prescription: <see cref="Sets"/> of <see cref="RepsMin"/>–<see cref="RepsMax"/> reps, or of
/// <see cref="Seconds"/> each; effort as RPE (Zourdos 2016: RPE 8 = 2 reps in reserve; never to failure);
/// rest between sets in seconds. For hill sprints, <see cref="Sets"/> is the number of sprints.
/// </summary>
public sealed record PlannedExercise
{
    public required string Slug { get; init; }

    /// <summary>Slug of the ladder rung (<c>bodyweight</c>, <c>band</c>, <c>barbell</c>).</summary>
    public required string Variant { get; init; }

    public required int Sets { get; init; }

    public int? RepsMin { get; init; }

    public int? RepsMax { get; init; }

    public int? Seconds { get; init; }

    /// <summary>Target RPE (1–10); null for drills and sprints, which are not counted in reps in reserve.</summary>
    public int? Rpe { get; init; }

    public required int RestSeconds { get; init; }

    /// <summary>
    /// The load for every set when the rung takes one, in the runner's unit: <c>40kg</c>, <c>90lb</c> (per hand for
    /// dumbbells); null for bodyweight and band rungs, and for a loaded rung whose load the runner chooses
    /// (<see cref="LoadNote"/> says why).
    /// </summary>
    public string? Load { get; init; }

    /// <summary>Where the load comes from, for a rung that takes one: "from your 8 × 40 kg", "the empty bar"; null otherwise.</summary>
    public string? LoadNote { get; init; }

    /// <summary>
    /// Set when the dose follows the runner's log instead of the plan's start (the progression engine's reason: "last time
    /// 3 x 12 at 40 kg at RPE 7: add 2.5 kg ..."); null in a plan as generated.
    /// </summary>
    public string? FromLog { get; init; }
}

/// <summary>
/// The plan's JSON: camelCase properties, kebab-case enum values, ISO dates, nulls written:
/// <c>{weeks: [{index, phase, days: [{date, run: {type, target: {minutesMin, minutesMax, effort, workout, pace,
/// paceFastSecondsPerKm, paceSlowSecondsPerKm, finishTime}} | null, sessions: [{kind, reason, exercises: [{slug, variant,
/// sets, repsMin, repsMax, seconds, rpe, restSeconds, load, loadNote, fromLog}]}]}]}], warnings: [...]}</c>.
/// </summary>
public static class PlanJson
{
    /// <summary>Options for <see cref="Plan"/> (also fine for ASP.NET Core's JSON options: copy these settings).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    public static string Serialize(Plan plan, bool indented = false) =>
        JsonSerializer.Serialize(plan, indented ? IndentedOptions : Options);

    public static Plan Deserialize(string json) =>
        JsonSerializer.Deserialize<Plan>(json, Options) ?? throw new JsonException("The JSON holds null, not a plan.");

    /// <summary>Applies the plan's settings to existing options (for ASP.NET Core's <c>JsonOptions</c>).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
