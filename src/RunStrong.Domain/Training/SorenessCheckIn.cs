using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Training;

/// <summary>Where a runner feels sore; written kebab-case outside the process (<c>lower-back</c>).</summary>
public enum BodyArea
{
    Calves,
    Hamstrings,
    Quadriceps,
    Glutes,
    Hips,
    Knees,
    Shins,
    Feet,
    LowerBack,
}

/// <summary>How sore one area felt on a day: 0 (nothing) to 10 (worst imaginable).</summary>
public sealed record SorenessCheckIn
{
    public SorenessCheckIn(DateOnly date, BodyArea area, int score)
    {
        Date = date;
        Area = Guard.Defined(area, "body area");
        Score = Guard.Between(score, 0, 10, "soreness");
    }

    public DateOnly Date { get; }

    public BodyArea Area { get; }

    /// <summary>0–10.</summary>
    public int Score { get; }
}

/// <summary>Which body areas an exercise loads, from its muscles and joint actions.</summary>
public static class BodyAreas
{
    /// <summary>
    /// The areas an exercise loads: each primary or secondary muscle's area (glutes, hamstrings, quadriceps, calves,
    /// lower back, shins, feet; adductors and hip flexors count as hips), the hips for any hip action, the knees for knee
    /// extension or flexion, the calves for plantar flexion and the shins for dorsiflexion.
    /// </summary>
    public static IReadOnlySet<BodyArea> LoadedBy(Exercise exercise)
    {
        var areas = new HashSet<BodyArea>();
        foreach (var muscle in exercise.PrimaryMuscles.Concat(exercise.SecondaryMuscles))
        {
            if (AreaOf(muscle) is { } area)
            {
                areas.Add(area);
            }
        }

        foreach (var action in exercise.JointActions)
        {
            switch (action)
            {
                case JointAction.HipExtension or JointAction.HipAbduction or JointAction.HipAdduction or JointAction.HipFlexion
                    or JointAction.HipExternalRotation or JointAction.HipInternalRotation:
                    areas.Add(BodyArea.Hips);
                    break;
                case JointAction.KneeExtension or JointAction.KneeFlexion:
                    areas.Add(BodyArea.Knees);
                    break;
                case JointAction.PlantarFlexion:
                    areas.Add(BodyArea.Calves);
                    break;
                case JointAction.Dorsiflexion:
                    areas.Add(BodyArea.Shins);
                    break;
                default:
                    break;
            }
        }

        return areas;
    }

    /// <summary>The area a muscle sits in; null for the core, which no check-in area names.</summary>
    public static BodyArea? AreaOf(Muscle muscle) => muscle switch
    {
        Muscle.GluteusMaximus or Muscle.GluteusMedius or Muscle.GluteusMinimus => BodyArea.Glutes,
        Muscle.Hamstrings => BodyArea.Hamstrings,
        Muscle.Quadriceps => BodyArea.Quadriceps,
        Muscle.Calves => BodyArea.Calves,
        Muscle.Adductors or Muscle.HipFlexors => BodyArea.Hips,
        Muscle.LowerBack => BodyArea.LowerBack,
        Muscle.Shins => BodyArea.Shins,
        Muscle.Feet => BodyArea.Feet,
        _ => null,
    };
}
