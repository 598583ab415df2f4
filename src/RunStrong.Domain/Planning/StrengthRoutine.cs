using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Planning;

/// <summary>
/// The two weekly strength sessions (A and B) chosen for a runner: each covers hip extension (gluteus maximus), hip
/// abduction or rotation (gluteus medius/minimus) and single-leg work (domain.md §1), with 2–4 lower-body exercises
/// (Balsalobre-Fernández 2016, Blagrove 2018), using only the runner's equipment and places. The same exercises run all
/// plan long (a deload keeps exercises, Rogerson 2024); the rung climbs the ladder (domain.md §3).
/// </summary>
internal sealed class StrengthRoutine
{
    /// <summary>Preference within a role, best first: gluteus maximus EMG ranking (Neto 2020, Contreras 2015).</summary>
    private static readonly string[] HipExtensionOrder =
        ["hip-thrust", "step-up", "bulgarian-split-squat", "reverse-lunge", "glute-bridge", "squat", "romanian-deadlift",
         "single-leg-romanian-deadlift", "single-leg-glute-bridge", "kettlebell-swing"];

    /// <summary>Gluteus medius EMG ranking: side-lying abduction highest (Distefano 2009), clamshell ~40 %MVIC; fire hydrant unmeasured.</summary>
    private static readonly string[] AbductionOrder =
        ["side-lying-hip-abduction", "banded-lateral-walk", "fire-hydrant", "clamshell", "side-plank"];

    private static readonly string[] SingleLegOrder =
        ["bulgarian-split-squat", "step-up", "reverse-lunge", "single-leg-romanian-deadlift", "single-leg-squat", "single-leg-glute-bridge"];

    private StrengthRoutine(IReadOnlyList<IReadOnlyList<Pick>> sessions) => Sessions = sessions;

    /// <summary>Session A and session B (B may repeat A's exercises when the catalogue leaves no choice); empty when nothing fits.</summary>
    public IReadOnlyList<IReadOnlyList<Pick>> Sessions { get; }

    public bool IsEmpty => Sessions.Count == 0 || Sessions[0].Count == 0;

    /// <summary>An exercise with the ladder rungs the runner can use (easiest first) and the rung to start on.</summary>
    public sealed record Pick(Exercise Exercise, IReadOnlyList<ExerciseVariant> Rungs, int StartRung)
    {
        public ExerciseVariant RungAt(int steps) => Rungs[Math.Min(StartRung + steps, Rungs.Count - 1)];
    }

    public static bool IsHipExtension(Exercise e) => e.Trains(JointAction.HipExtension);

    public static bool IsAbductionOrRotation(Exercise e) =>
        e.Trains(JointAction.HipAbduction) || e.Trains(JointAction.HipExternalRotation) || e.Trains(JointAction.HipInternalRotation);

    /// <summary>
    /// Single-leg work in hip or knee extension: a lunge, step-up, split squat, single-leg deadlift or bridge. Side-lying
    /// abduction and single-leg calf raises are done on one leg too, but do not give the single-leg stance work domain.md §1 asks for.
    /// </summary>
    public static bool IsSingleLegLowerBody(Exercise e) =>
        e.SingleLeg && (IsHipExtension(e) || e.Trains(JointAction.KneeExtension));

    public static StrengthRoutine Choose(RunnerProfile profile, IReadOnlyList<Exercise> catalogue, ICollection<string> warnings)
    {
        var usable = catalogue
            .Where(e => e.Kind == ExerciseKind.Strength && e.Locations.Any(profile.Locations.Contains))
            .Select(e => new Pick(e, UsableRungs(e, profile), 0))
            .Where(p => p.Rungs.Count > 0)
            .Select(p => p with { StartRung = StartRung(p, profile) })
            .ToList();

        var places = string.Join(", ", profile.Locations.Select(Kebab.Name));
        var kit = string.Join(", ", profile.Equipment.Select(Kebab.Name));
        if (usable.Count == 0)
        {
            warnings.Add($"No strength exercise in the catalogue fits your equipment ({kit}) and places ({places}): the plan has no strength sessions. Add a loop band or a place to train.");
            return new StrengthRoutine([]);
        }

        var runnerLevel = (int)profile.Experience;
        var hipExtension = Rank(usable.Where(p => IsHipExtension(p.Exercise)), HipExtensionOrder, runnerLevel);
        var abduction = Rank(usable.Where(p => IsAbductionOrRotation(p.Exercise)), AbductionOrder, runnerLevel);
        var singleLeg = Rank(usable.Where(p => IsSingleLegLowerBody(p.Exercise)), SingleLegOrder, runnerLevel);
        var fillers = Rank(usable.Where(p => IsHipExtension(p.Exercise) || IsSingleLegLowerBody(p.Exercise)), HipExtensionOrder, runnerLevel);

        void Missing(string what, string suggestion) =>
            warnings.Add($"No {what} exercise fits your equipment ({kit}) and places ({places}), so strength sessions lack it; {suggestion}.");

        if (hipExtension.Count == 0)
        {
            Missing("hip-extension (gluteus maximus)", "a hip thrust or glute bridge needs only the floor at home");
        }

        if (abduction.Count == 0)
        {
            Missing("hip abduction or rotation (gluteus medius)", "side-lying hip abduction or a clamshell needs only the floor at home");
        }

        if (singleLeg.Count == 0)
        {
            Missing("single-leg", "a step-up or split squat needs only a step or a chair at home");
        }

        var a = Build(hipExtension, abduction, singleLeg, fillers, avoid: []);
        var b = Build(hipExtension, abduction, singleLeg, fillers, avoid: a);
        return new StrengthRoutine([a, b]);
    }

    private static List<Pick> Build(
        List<(Pick Pick, int LevelPenalty)> hipExtension,
        List<(Pick Pick, int LevelPenalty)> abduction,
        List<(Pick Pick, int LevelPenalty)> singleLeg,
        List<(Pick Pick, int LevelPenalty)> fillers,
        IReadOnlyList<Pick> avoid)
    {
        var chosen = new List<Pick>();

        void Take(List<(Pick Pick, int LevelPenalty)> ranked)
        {
            var open = ranked.Where(r => chosen.All(c => c.Exercise.Slug != r.Pick.Exercise.Slug)).ToList();
            if (open.Count == 0)
            {
                return;
            }

            // Vary B from A, but not at the price of a harder level than the best open choice.
            var bestPenalty = open[0].LevelPenalty;
            var fresh = open.FirstOrDefault(r => r.LevelPenalty == bestPenalty && avoid.All(x => x.Exercise.Slug != r.Pick.Exercise.Slug));
            chosen.Add(fresh.Pick ?? open[0].Pick);
        }

        Take(hipExtension);
        Take(abduction);
        if (!chosen.Any(p => IsSingleLegLowerBody(p.Exercise)))
        {
            Take(singleLeg);
        }

        if (chosen.Count < 3)
        {
            Take(fillers);
        }

        // Big hip-extension and single-leg lifts first; abduction work, lighter, last.
        return chosen.OrderBy(p => IsHipExtension(p.Exercise) ? 0 : IsSingleLegLowerBody(p.Exercise) ? 1 : 2).ToList();
    }

    private static List<(Pick Pick, int LevelPenalty)> Rank(IEnumerable<Pick> picks, string[] order, int runnerLevel) =>
        picks
            .Select(p => (Pick: p, LevelPenalty: Math.Max(0, (int)p.Exercise.Level - runnerLevel)))
            .OrderBy(x => x.LevelPenalty)
            .ThenBy(x => Array.IndexOf(order, x.Pick.Exercise.Slug) is var i and >= 0 ? i : order.Length)
            .ThenBy(x => x.Pick.Exercise.Slug, StringComparer.Ordinal)
            .ToList();

    /// <summary>The ladder rungs whose equipment the runner has, easiest first.</summary>
    public static IReadOnlyList<ExerciseVariant> UsableRungs(Exercise exercise, RunnerProfile profile)
    {
        IReadOnlyList<ExerciseVariant> ladder = exercise.Progression.Count > 0
            ? exercise.Progression
            : [new ExerciseVariant { Slug = "standard", Name = exercise.Name, Equipment = exercise.Equipment, Load = LoadKind.Bodyweight }];
        return ladder.Where(v => v.Equipment.All(profile.Has)).ToList();
    }

    /// <summary>
    /// First rung by experience (domain.md §2, ACSM 2009): none -> the first bodyweight rung; some -> the first band rung
    /// (the easiest rung when there is none); regular -> the first rung of the heaviest load kind the equipment allows
    /// (later rungs of the same load kind are harder variations the ladder moves through). One rung easier where the
    /// exercise loads a sore area (domain.md §3 regression).
    /// </summary>
    private static int StartRung(Pick pick, RunnerProfile profile)
    {
        var rungs = pick.Rungs;
        var start = profile.Experience switch
        {
            StrengthExperience.None => Math.Max(0, IndexOf(rungs, v => v.Load == LoadKind.Bodyweight)),
            StrengthExperience.Some => Math.Max(0, IndexOf(rungs, v => v.Load == LoadKind.Band)),
            _ => IndexOf(rungs, v => v.Load == rungs.Max(r => r.Load)),
        };
        var sore = pick.Exercise.PrimaryMuscles.Any(profile.Soreness.Contains);
        return sore ? Math.Max(0, start - 1) : start;
    }

    private static int IndexOf(IReadOnlyList<ExerciseVariant> rungs, Func<ExerciseVariant, bool> match)
    {
        for (var i = 0; i < rungs.Count; i++)
        {
            if (match(rungs[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
