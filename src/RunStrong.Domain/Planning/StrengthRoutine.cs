using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Planning;

/// <summary>
/// The two weekly strength sessions (A and B) chosen for a runner. The seed's five exercises are the backbone wherever the
/// runner's equipment and places allow them: session A is a hip thrust, a Bulgarian split squat and a fire hydrant; session B
/// a squat, a glute bridge and a second abduction exercise, so that every week trains the gluteus maximus (hip extension),
/// the gluteus medius and minimus (hip abduction and rotation) and single-leg stance (domain.md §1: "a week of glute work
/// should cover both jobs ... with at least one single-leg exercise"), with 3 lower-body exercises a session
/// (Balsalobre-Fernández 2016, Blagrove 2018: 2–4). Other catalogue exercises stand in where a seed exercise does not fit
/// (EMG rankings: Neto 2020, Contreras 2015 for hip extension; Distefano 2009 for abduction) and add variety in B. The same
/// exercises run all plan long (a deload keeps exercises, Rogerson 2024); the rung climbs the ladder (domain.md §3).
/// </summary>
internal sealed class StrengthRoutine
{
    /// <summary>The seed's bilateral hip-extension lifts, in the order sessions take them: A, then B (twice when all three fit).</summary>
    private static readonly string[] SeedMainLifts = ["hip-thrust", "squat", "glute-bridge"];

    private const string SeedSingleLeg = "bulgarian-split-squat";

    private const string SeedAbduction = "fire-hydrant";

    /// <summary>The seed's five exercises (the README's and domain.md's glute training).</summary>
    public static IReadOnlyList<string> SeedExercises { get; } = [.. SeedMainLifts, SeedSingleLeg, SeedAbduction];

    /// <summary>Preference within a role, best first: gluteus maximus EMG ranking (Neto 2020, Contreras 2015).</summary>
    private static readonly string[] HipExtensionOrder =
        ["hip-thrust", "step-up", "bulgarian-split-squat", "reverse-lunge", "glute-bridge", "squat", "romanian-deadlift",
         "single-leg-romanian-deadlift", "single-leg-glute-bridge", "kettlebell-swing"];

    /// <summary>
    /// Gluteus medius and minimus: the fire hydrant (a seed exercise; no EMG study, treated as quadruped abduction), then
    /// side-lying abduction, highest by EMG (Distefano 2009), then the rest; clamshell ~40 %MVIC.
    /// </summary>
    private static readonly string[] AbductionOrder =
        ["fire-hydrant", "side-lying-hip-abduction", "banded-lateral-walk", "clamshell", "side-plank"];

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

    private static bool IsSeed(Exercise e) => e.Source == ExerciseSource.BuiltIn && SeedExercises.Contains(e.Slug);

    public static StrengthRoutine Choose(RunnerProfile profile, IReadOnlyList<Exercise> catalogue, ICollection<string> warnings)
    {
        var usable = catalogue
            .Where(e => e.Kind == ExerciseKind.Strength && e.Locations.Any(profile.Locations.Contains))
            .Select(e => new Pick(e, PlanningRungs(e, profile), 0))
            .Where(p => p.Rungs.Count > 0)
            .Select(p => p with { StartRung = StartRung(p, profile) })
            .ToList();

        var places = string.Join(", ", profile.Locations.Select(Kebab.Name));
        var kit = string.Join(", ", profile.AvailableEquipment.Select(Kebab.Name));
        if (usable.Count == 0)
        {
            warnings.Add($"No strength exercise in the catalogue fits your equipment ({kit}) and places ({places}): the plan has no strength sessions. Add a loop band or a place to train.");
            return new StrengthRoutine([]);
        }

        var runnerLevel = (int)profile.Experience;
        var hipExtension = Rank(usable.Where(p => IsHipExtension(p.Exercise)), HipExtensionOrder, runnerLevel);
        var abduction = Rank(usable.Where(p => IsAbductionOrRotation(p.Exercise)), AbductionOrder, runnerLevel);
        var singleLeg = Rank(usable.Where(p => IsSingleLegLowerBody(p.Exercise)), SingleLegOrder, runnerLevel);

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

        // The seed's hip-extension lifts first, then the best of the rest (bilateral lifts before single-leg ones, which
        // have their own slot).
        var mains = SeedMainLifts.Select(slug => usable.FirstOrDefault(p => p.Exercise.Slug == slug && IsSeed(p.Exercise)))
            .OfType<Pick>()
            .Concat(hipExtension.Where(r => !IsSingleLegLowerBody(r.Pick.Exercise)).Select(r => r.Pick))
            .Concat(hipExtension.Select(r => r.Pick))
            .DistinctBy(p => p.Exercise.Slug)
            .ToList();

        var a = new List<Pick>();
        var b = new List<Pick>();
        void Add(List<Pick> session, Pick? pick)
        {
            if (pick is not null && session.All(p => p.Exercise.Slug != pick.Exercise.Slug))
            {
                session.Add(pick);
            }
        }

        Pick? Best(List<(Pick Pick, int LevelPenalty)> ranked, params IEnumerable<Pick>[] avoid)
        {
            var taken = avoid.SelectMany(x => x).Select(p => p.Exercise.Slug).ToHashSet(StringComparer.Ordinal);
            return ranked.Where(r => !taken.Contains(r.Pick.Exercise.Slug)).Select(r => r.Pick).FirstOrDefault();
        }

        // A: the first main lift, the single-leg lift (the seed's split squat when it fits), the first abduction exercise.
        Add(a, mains.FirstOrDefault());
        Add(a, SeedOr(usable, SeedSingleLeg, singleLeg, a));
        Add(a, SeedOr(usable, SeedAbduction, abduction, a));

        // B: the next main lifts (two when the seed's three fit), else single-leg variety; another abduction exercise.
        Add(b, mains.Skip(1).FirstOrDefault() ?? mains.FirstOrDefault());
        var third = mains.Skip(2).FirstOrDefault(p => IsSeed(p.Exercise))
            ?? Best(singleLeg, a, b)
            ?? Best(singleLeg, b);
        Add(b, third);
        Add(b, Best(abduction, a, b) ?? Best(abduction, b));

        // Big hip-extension and single-leg lifts first; abduction work, lighter, last.
        return new StrengthRoutine([Order(a), Order(b)]);
    }

    /// <summary>The seed exercise <paramref name="slug"/> when the runner can do it, else the best-ranked stand-in not yet in the session.</summary>
    private static Pick? SeedOr(List<Pick> usable, string slug, List<(Pick Pick, int LevelPenalty)> ranked, List<Pick> session) =>
        usable.FirstOrDefault(p => p.Exercise.Slug == slug && IsSeed(p.Exercise) && session.All(s => s.Exercise.Slug != slug))
        ?? ranked.Select(r => r.Pick).FirstOrDefault(p => session.All(s => s.Exercise.Slug != p.Exercise.Slug));

    private static List<Pick> Order(List<Pick> session) =>
        session.OrderBy(p => IsHipExtension(p.Exercise) && !p.Exercise.SingleLeg ? 0 : IsSingleLegLowerBody(p.Exercise) ? 1 : IsHipExtension(p.Exercise) ? 1 : 2).ToList();

    private static List<(Pick Pick, int LevelPenalty)> Rank(IEnumerable<Pick> picks, string[] order, int runnerLevel) =>
        picks
            .Select(p => (Pick: p, LevelPenalty: IsSeed(p.Exercise) ? 0 : Math.Max(0, (int)p.Exercise.Level - runnerLevel)))
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
    /// The rungs the plan climbs: the usable ones, with one implement per loaded step. The seed's ladder is "bodyweight ->
    /// loop band -> barbell or dumbbells -> barbell plus band" (domain.md §2): where the runner has a barbell, the loaded steps
    /// use it and lighter implements of the same load kind are left out (a recent set the runner gave with another implement
    /// keeps that one).
    /// </summary>
    public static IReadOnlyList<ExerciseVariant> PlanningRungs(Exercise exercise, RunnerProfile profile)
    {
        var usable = UsableRungs(exercise, profile);
        var lifted = profile.Lifts?.Where(l => l.Exercise == exercise.Slug)
            .Select(l => StartingLoads.Implement(StartingLoads.Resolve(exercise, l))).FirstOrDefault(i => i is not null);
        Equipment?[] preference = [lifted, Equipment.Barbell, Equipment.Dumbbell, Equipment.Kettlebell];
        var keep = new HashSet<ExerciseVariant>(usable.Where(v => v.Load is LoadKind.Bodyweight or LoadKind.Band));
        foreach (var kind in new[] { LoadKind.External, LoadKind.ExternalPlusBand })
        {
            var loaded = usable.Where(v => v.Load == kind).ToList();
            var implement = preference.FirstOrDefault(i => i is not null && loaded.Any(v => StartingLoads.Implement(v) == i));
            keep.UnionWith(implement is null ? loaded : loaded.Where(v => StartingLoads.Implement(v) == implement));
        }

        return usable.Where(keep.Contains).ToList();
    }

    /// <summary>
    /// First rung by experience (domain.md §2, ACSM 2009): none -> the first bodyweight rung; some -> the first band rung
    /// (the easiest rung when there is none); regular -> the first rung of the heaviest load kind the equipment allows
    /// (later rungs of the same load kind are harder variations the ladder moves through). A recent set the runner gave for
    /// the exercise starts it on that set's rung, whatever the experience. One rung easier where the exercise loads a sore
    /// area (domain.md §3 regression).
    /// </summary>
    private static int StartRung(Pick pick, RunnerProfile profile)
    {
        var rungs = pick.Rungs;
        var lifted = profile.Lifts?.Where(l => l.Exercise == pick.Exercise.Slug)
            .Select(l => StartingLoads.Resolve(pick.Exercise, l)).FirstOrDefault(v => v is not null && rungs.Contains(v));
        var start = lifted is not null ? IndexOf(rungs, v => v == lifted) : profile.Experience switch
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
