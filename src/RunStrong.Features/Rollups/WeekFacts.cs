using System.Text.Json;
using System.Text.Json.Serialization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Load;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Prediction;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using RunStrong.Features.Dashboard;

namespace RunStrong.Features.Rollups;

/// <summary>
/// One week of a runner's training as the dashboard needs it (the JSON of a WeekRollup row). Everything the dashboard
/// sums is kept in the order and form the full recomputation sums it (runs by day and start, sessions by day and id), so
/// the figures built from these rows are the same to the last bit (docs/decisions/0028-rollups.md):
/// runs in short (the domain's run, the plan day it counts for, whether it holds hill sprints), strength sessions'
/// day, duration and RPE (their Foster load), check-ins, sets per exercise (muscles are looked up in the catalogue when
/// read, so a catalogue import needs no rebuild), each lift's count and best Epley 1RM, and each day's best performance
/// for the dashboard's prediction trend.
/// </summary>
public sealed record WeekFacts
{
    public IReadOnlyList<RunFact> Runs { get; init; } = [];

    public IReadOnlyList<SessionFact> Sessions { get; init; } = [];

    public IReadOnlyList<CheckInFact> CheckIns { get; init; } = [];

    /// <summary>Valid sets per exercise slug as logged (ordinal), for sets per muscle.</summary>
    public IReadOnlyList<SlugSets> Sets { get; init; } = [];

    /// <summary>Per lift (exercise and rung, lower case): how many sets gave a 1RM estimate and the highest, kg.</summary>
    public IReadOnlyList<LiftFact> Lifts { get; init; } = [];

    /// <summary>Each day's best performance (highest VDOT) from road runs and races that the trend counts (Predictions.StoredPerformances.ForTrend).</summary>
    public IReadOnlyList<BestFact> Bests { get; init; } = [];

    [JsonIgnore]
    public bool IsEmpty => Runs.Count == 0 && Sessions.Count == 0 && CheckIns.Count == 0;

    public string ToJson() => JsonSerializer.Serialize(this, RollupJson.Default.WeekFacts);

    public static WeekFacts Read(string json) => JsonSerializer.Deserialize(json, RollupJson.Default.WeekFacts) ?? new WeekFacts();

    /// <summary>The facts of one week from the runner's history read in full (its runs, sessions and check-ins in their stored order).</summary>
    public static WeekFacts From(IEnumerable<HistoryRun> runs, IEnumerable<LoggedStrengthSession> sessions, IEnumerable<SorenessCheckIn> checkIns)
    {
        var runList = runs.ToArray();
        var sessionList = sessions.ToArray();
        var bests = runList.Where(r => r.ForPredictions)
            .SelectMany(r => GetDashboard.DashboardPerformances(r))
            .GroupBy(p => p.Date)
            .Select(g => g.MaxBy(p => DanielsGilbert.Vdot(p.Distance, p.Time))!)
            .OrderBy(p => p.Date)
            .Select(p => new BestFact(p.Date, p.Distance.Metres, p.Time.TotalSeconds))
            .ToArray();
        // Per slug: its sets, and its sets capped at a hill session's worth in each session (for hill work, MuscleVolume.SessionSets).
        var sets = sessionList.SelectMany(s => s.Sets.GroupBy(set => set.ExerciseSlug.ToLowerInvariant(), StringComparer.Ordinal))
            .GroupBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SlugSets(g.Key, g.Sum(x => x.Count()), g.Sum(x => Math.Min(x.Count(), MuscleVolume.HillSessionSets))))
            .OrderBy(s => s.Slug, StringComparer.Ordinal).ToArray();
        var lifts = sessionList
            .SelectMany(s => s.Sets.Select(set => (Lift: (set.ExerciseSlug.ToLowerInvariant(), set.VariantSlug.ToLowerInvariant()), Estimate: OneRepMax.Estimate(set))))
            .Where(x => x.Estimate is not null)
            .GroupBy(x => x.Lift)
            .Select(g => new LiftFact(g.Key.Item1, g.Key.Item2, g.Count(), g.Max(x => x.Estimate!.Value.Kilograms)))
            .OrderBy(l => l.Exercise, StringComparer.Ordinal).ThenBy(l => l.Variant, StringComparer.Ordinal)
            .ToArray();
        return new WeekFacts
        {
            Runs = runList.Select(RunFact.From).ToArray(),
            Sessions = sessionList.Select(s => new SessionFact(s.Date, s.Duration?.Ticks, s.SessionRpe)).ToArray(),
            CheckIns = checkIns.Select(c => new CheckInFact(c.Date, c.Area, c.Score)).ToArray(),
            Sets = sets,
            Lifts = lifts,
            Bests = bests,
        };
    }
}

/// <param name="Ticks">The run's duration.</param>
/// <param name="HillTicks">Time on hills, when known.</param>
/// <param name="HillSprints">True when its summary holds hill sprints (the plan's hill-sprint session is done).</param>
/// <param name="Id">The activity's id (the plan's week matches runs by it, docs/decisions/0027).</param>
/// <param name="Sprints">The hill sprints detected in it as a dose, when any (Training.PlanStatuses.Sprints).</param>
public sealed record RunFact(
    DateOnly Date, double Metres, long Ticks, RunType Type, double? Rpe, double? HeartRate, long? HillTicks, DateOnly? PlannedFor, bool HillSprints,
    long Id = 0, SprintsDone? Sprints = null)
{
    public static RunFact From(HistoryRun r) => new(
        r.Run.Date, r.Run.DistanceMetres, r.Run.Duration.Ticks, r.Run.Type, r.Run.Rpe, r.Run.AverageHeartRate, r.Run.TimeOnHills?.Ticks, r.PlannedFor,
        r.Summary.HillSprints.Count > 0, r.Id, Training.PlanStatuses.Sprints(r.Summary));

    public LoggedRun ToRun() => new(Date, Metres, TimeSpan.FromTicks(Ticks), Type, Rpe, HeartRate, HillTicks is { } h ? TimeSpan.FromTicks(h) : null);

    public DateOnly CountsFor => PlannedFor ?? Date;
}

/// <param name="DurationTicks">The session's duration, when given.</param>
public sealed record SessionFact(DateOnly Date, long? DurationTicks, double? Rpe)
{
    /// <summary>Its Foster load (as SessionLoad.From of the session), when it has a duration and an RPE.</summary>
    public SessionLoad? Load => DurationTicks is { } ticks && Rpe is { } rpe ? new SessionLoad(Date, TimeSpan.FromTicks(ticks).TotalMinutes, rpe) : null;
}

public sealed record CheckInFact(DateOnly Date, BodyArea Area, int Score)
{
    public SorenessCheckIn ToCheckIn() => new(Date, Area, Score);
}

/// <param name="Sets">Every set of the exercise that week.</param>
/// <param name="HillSessionSets">The same, with each session's sets capped at <see cref="MuscleVolume.HillSessionSets"/>: what hill work counts for.</param>
public sealed record SlugSets(string Slug, int Sets, double HillSessionSets = 0);

public sealed record LiftFact(string Exercise, string Variant, int Count, double MaxKilograms);

public sealed record BestFact(DateOnly Date, double Metres, double Seconds)
{
    public Performance ToPerformance() => new(Date, RaceDistance.FromMetres(Metres), RaceTime.FromSeconds(Seconds));
}

[JsonSerializable(typeof(WeekFacts))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
internal sealed partial class RollupJson : JsonSerializerContext;
