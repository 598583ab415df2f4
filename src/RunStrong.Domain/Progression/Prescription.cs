using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Progression;

/// <summary>What kind of change a prescription makes, for icons and tests; the words are in <see cref="Prescription.Reason"/>.</summary>
public enum ProgressionStep
{
    /// <summary>No history: the bottom of the dose at RPE 7.</summary>
    Start,
    /// <summary>Same load, more reps (double progression).</summary>
    AddReps,
    /// <summary>Same dose again: the top is reached but not yet twice with reps to spare.</summary>
    Repeat,
    /// <summary>More external load, back to the bottom of the range.</summary>
    AddLoad,
    /// <summary>A heavier loop band on a band rung.</summary>
    HeavierBand,
    /// <summary>Up the ladder (bodyweight -> band -> external load; hill sprints: 8 s -> 10 s -> 12 s).</summary>
    NextRung,
    /// <summary>One more set: the top is reached and no higher rung is possible with the runner's equipment.</summary>
    AddSet,
    /// <summary>Less load (about 10 %) or a lighter band after a failed set or RPE 10.</summary>
    BackOffLoad,
    /// <summary>Down the ladder after pain (or a failure with nothing lighter on this rung).</summary>
    BackOffRung,
    /// <summary>Easiest rung already: fewer sets and reps; or one hill sprint fewer after several not completed.</summary>
    BackOffVolume,
    /// <summary>A lower rung because the runner lacks the equipment of the current one.</summary>
    EquipmentMissing,
    /// <summary>A deload week: fewer sets and reps, more reps in reserve, same exercise and load (<see cref="Planning.DeloadDose"/>); hill sprints held.</summary>
    Deload,
}

/// <summary>The next session's dose of one exercise, with the reason in words a runner can follow.</summary>
public sealed record Prescription
{
    public required ExerciseVariant Variant { get; init; }

    /// <summary>Number of sets, 1 or more.</summary>
    public required int Sets { get; init; }

    /// <summary>Bottom of the rep range (per side for single-leg work); null for timed work.</summary>
    public int? RepsMin { get; init; }

    /// <summary>Top of the rep range; null for timed work.</summary>
    public int? RepsMax { get; init; }

    /// <summary>The reps to aim for on every set this time, within the range; null for timed work.</summary>
    public int? TargetReps { get; init; }

    /// <summary>Seconds per rep or hold, for timed work.</summary>
    public int? Seconds { get; init; }

    /// <summary>External load (per hand for dumbbells); null for bodyweight and band rungs, or when the runner should choose it.</summary>
    public Mass? Load { get; init; }

    public BandResistance? Band { get; init; }

    /// <summary>Target RPE (Zourdos 2016 RIR scale): 7 = about 3 reps in reserve. Never 10: not to failure (domain.md §2).</summary>
    public required double TargetRpe { get; init; }

    /// <summary>Reps to keep in reserve, 10 − <see cref="TargetRpe"/>.</summary>
    public double TargetRepsInReserve => 10 - TargetRpe;

    public required ProgressionStep Step { get; init; }

    /// <summary>Why, in the runner's words: "last time 3 x 12 at RPE 7: add a loop band".</summary>
    public required string Reason { get; init; }
}

/// <summary>Everything the progression engine looks at for one exercise.</summary>
public sealed record ProgressionRequest
{
    public required Exercise Exercise { get; init; }

    /// <summary>Equipment the runner has; <see cref="Equipment.None"/> is always available.</summary>
    public IReadOnlySet<Equipment> AvailableEquipment { get; init; } = new HashSet<Equipment>();

    /// <summary>Logged sessions, oldest first; sessions without this exercise are ignored.</summary>
    public IReadOnlyList<LoggedStrengthSession> History { get; init; } = [];

    /// <summary>Soreness check-ins; those on or after the last session with this exercise count.</summary>
    public IReadOnlyList<SorenessCheckIn> CheckIns { get; init; } = [];

    /// <summary>True when the coming week is a deload week.</summary>
    public bool DeloadWeek { get; init; }

    /// <summary>
    /// The runner's strength experience, from their plan's profile; null when there is no plan. Sets the first hill-sprint
    /// session and the sprints added per session as the plan does (<see cref="Planning.HillSprintDose.Start"/>,
    /// <see cref="Planning.HillSprintDose.WeeklyIncrement"/>; the plan has one hill session a week); unknown: the catalogue's
    /// first dose and one sprint a session.
    /// </summary>
    public Planning.StrengthExperience? Experience { get; init; }

    /// <summary>The unit the runner loads in; load steps are rounded in it (2.5 kg or 5 lb on a barbell).</summary>
    public MassUnit Unit { get; init; } = MassUnit.Kilograms;
}
