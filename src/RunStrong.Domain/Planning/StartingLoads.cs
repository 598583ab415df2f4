using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Planning;

/// <summary>
/// The load a plan writes on a loaded rung before anything is logged (afterwards the progression engine takes over from the
/// log: double progression, the ladder and back-off, domain.md §3). In order:
/// <list type="number">
/// <item><b>A recent set the runner gave</b> for the exercise, with the same implement (a barbell set also serves the
///   barbell-plus-band rung): the set is taken as done with about 2 reps in reserve (RPE 8, a usual working set; Zourdos
///   2016), its one-repetition maximum estimated with Epley (domain.md §3: <c>w·(1 + r/30)</c>, here with r = reps + 2),
///   and the load chosen that leaves the planned reps in reserve at the bottom of the range
///   (<c>1RM / (1 + (reps + 10 − RPE)/30)</c>), rounded to the nearest step the equipment allows
///   (<see cref="LoadSteps.SmallestStep"/>); the note gives the reps in reserve at the rounded load. Vector: hip thrust
///   8 × 40 kg, plan 8–12 at RPE 7 -> 40 kg (about 2 in reserve: 39 kg is the aim). A set of more than 10 reps, as long
///   as the planned reps or longer, gives its own load: the estimate does not hold that far (domain.md §3).</item>
/// <item><b>Never lifted</b> (<c>lifts: []</c>, or experience "none" without a set for the exercise): the lightest
///   implement (RunStrong's judgement of what gyms and home sets stock, as ACSM 2009 asks novices to start light): the empty
///   bar, 20 kg / 45 lb; a dumbbell of 4 kg / 10 lb (per hand); a kettlebell of 8 kg / 15 lb; a cable stack or machine
///   at 10 kg / 20 lb; a hip-thrust machine at 20 kg / 45 lb.</item>
/// <item><b>Otherwise</b> no load: the runner picks one they could lift about (reps + 3) times and logs it.</item>
/// </list>
/// </summary>
public static class StartingLoads
{
    /// <summary>The longest set a one-repetition maximum is estimated from (domain.md §3: only for sets of ≤ 10 reps).</summary>
    public const int MostRepsEstimated = 10;

    /// <summary>Reps in reserve assumed for a recent set the runner gave (RPE 8).</summary>
    public const int AssumedRepsInReserve = 2;

    /// <summary>A planned load and where it comes from; <see cref="Load"/> null when the runner chooses it.</summary>
    public sealed record Planned(Mass? Load, string Note);

    /// <summary>The starting load of <paramref name="variant"/> of <paramref name="exercise"/>; null for a rung without a load.</summary>
    public static Planned? For(Exercise exercise, ExerciseVariant variant, int reps, int rpe, RunnerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(profile);
        if (variant.Load is not (LoadKind.External or LoadKind.ExternalPlusBand))
        {
            return null;
        }

        var unit = profile.MassUnit;
        var step = LoadSteps.SmallestStep(variant, unit);
        var banded = variant.Load == LoadKind.ExternalPlusBand ? "; the band adds the rest" : "";
        if (LiftFor(exercise, variant, profile) is { } lift)
        {
            var given = string.Create(CultureInfo.InvariantCulture, $"from your recent {lift.Reps} × {lift.Load.Format(unit)}");
            if (lift.Reps > MostRepsEstimated && lift.Reps >= reps)
            {
                // A 1RM estimate holds for sets of up to 10 reps (domain.md §3): from a longer set no heavier load is
                // guessed; the same load, lifted more times than planned, leaves at least as many reps in reserve.
                var same = RoundToStep(lift.Load, step, unit);
                return new Planned(same, string.Create(CultureInfo.InvariantCulture,
                    $"{given}: start with {same.Format(unit)} (a set of more than {MostRepsEstimated} reps gives no reliable estimate of a heavier load){banded}; the load grows as you log"));
            }

            var oneRepMax = lift.Load.Kilograms * (1 + ((lift.Reps + AssumedRepsInReserve) / 30.0));
            var target = oneRepMax / (1 + ((reps + 10 - rpe) / 30.0));
            var load = RoundToStep(Mass.FromKilograms(target), step, unit);
            // The reserve at the load as rounded to the equipment's step, not the one aimed at (Epley read backwards).
            var reserve = Math.Max(0, (int)Math.Round((30 * ((oneRepMax / load.Kilograms) - 1)) - reps, MidpointRounding.AwayFromZero));
            return new Planned(load, string.Create(CultureInfo.InvariantCulture,
                $"{given}: {load.Format(unit)} leaves about {reserve} reps in reserve at {reps} reps{banded}"));
        }

        var neverLifted = profile.Lifts is { Count: 0 } || profile.Experience == StrengthExperience.None;
        if (neverLifted && Lightest(variant, unit) is { } lightest)
        {
            return new Planned(lightest.Load, $"new to lifting: start with {lightest.What} ({lightest.Load.Format(unit)}){banded}; the load grows as you log");
        }

        return new Planned(null,
            $"no recent {exercise.Name.ToLowerInvariant()} set in your profile: pick a load you could lift about {reps + 3} times and log it; the next load follows from the log");
    }

    /// <summary>"40kg", "62.5kg", "90lb": the plan's JSON notation for a load in <paramref name="unit"/>.</summary>
    public static string Notation(Mass load, MassUnit unit) =>
        Math.Round(load.In(unit), 2).ToString("0.##", CultureInfo.InvariantCulture) + (unit == MassUnit.Pounds ? "lb" : "kg");

    /// <summary>The runner's set for this exercise that applies to <paramref name="variant"/>: same rung, or same implement.</summary>
    internal static RecentLift? LiftFor(Exercise exercise, ExerciseVariant variant, RunnerProfile profile) =>
        profile.Lifts?.Where(l => l.Exercise == exercise.Slug)
            .FirstOrDefault(l => Implement(Resolve(exercise, l)) is { } implement && implement == Implement(variant));

    /// <summary>The rung a lift names or, without one, the exercise's barbell rung (else its first loaded rung).</summary>
    internal static ExerciseVariant? Resolve(Exercise exercise, RecentLift lift) =>
        lift.Variant is { } slug
            ? exercise.Progression.FirstOrDefault(v => v.Slug == slug)
            : exercise.Progression.FirstOrDefault(v => v.Load == LoadKind.External && v.Equipment.Contains(Equipment.Barbell))
              ?? exercise.Progression.FirstOrDefault(v => v.Load is LoadKind.External or LoadKind.ExternalPlusBand);

    /// <summary>The weight a rung is loaded with: barbell, dumbbell, kettlebell, machine or cable.</summary>
    internal static Equipment? Implement(ExerciseVariant? variant) =>
        variant?.Equipment.Where(e => e is Equipment.Barbell or Equipment.Dumbbell or Equipment.Kettlebell or Equipment.HipThrustMachine or Equipment.Machine or Equipment.Cable)
            .Select(e => (Equipment?)e).FirstOrDefault();

    private static (Mass Load, string What)? Lightest(ExerciseVariant variant, MassUnit unit)
    {
        var pounds = unit == MassUnit.Pounds;
        return Implement(variant) switch
        {
            Equipment.Barbell => (LoadSteps.Lightest(variant, unit)!.Value, "the empty bar"),
            Equipment.Dumbbell => (pounds ? Mass.FromPounds(10) : Mass.FromKilograms(4), "a light dumbbell"),
            Equipment.Kettlebell => (pounds ? Mass.FromPounds(15) : Mass.FromKilograms(8), "the lightest kettlebell"),
            Equipment.HipThrustMachine => (pounds ? Mass.FromPounds(45) : Mass.FromKilograms(20), "a light setting"),
            Equipment.Machine or Equipment.Cable => (pounds ? Mass.FromPounds(20) : Mass.FromKilograms(10), "a light setting"),
            _ => null,
        };
    }

    private static Mass RoundToStep(Mass load, Mass step, MassUnit unit)
    {
        var size = step.In(unit);
        var steps = Math.Max(1, Math.Round(load.In(unit) / size, MidpointRounding.AwayFromZero));
        return Mass.From(steps * size, unit);
    }
}
