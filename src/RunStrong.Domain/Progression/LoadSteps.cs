using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Progression;

/// <summary>
/// The smallest load change each kind of equipment allows, and load changes rounded to it. A judgement from what gyms and
/// home sets stock:
/// <list type="table">
/// <listheader><term>equipment</term><description>kg / lb</description></listheader>
/// <item><term>barbell (a pair of 1.25 kg or 2.5 lb plates)</term><description>2.5 kg / 5 lb</description></item>
/// <item><term>dumbbell, per hand</term><description>1 kg / 2.5 lb</description></item>
/// <item><term>kettlebell (8, 12, 16, 20 kg…)</term><description>4 kg / 10 lb</description></item>
/// <item><term>hip-thrust machine, machine, cable stack</term><description>5 kg / 10 lb</description></item>
/// <item><term>anything else</term><description>2.5 kg / 5 lb</description></item>
/// </list>
/// </summary>
public static class LoadSteps
{
    /// <summary>Added load after the top of the range (double progression): 5 %, inside ACSM's 2–10 %.</summary>
    public const double NormalIncrease = 0.05;

    /// <summary>Added load after two sessions in a row 1–2 reps over the range (ACSM 2009): 10 %, the top of 2–10 %.</summary>
    public const double LargeIncrease = 0.10;

    /// <summary>Load taken off after a failed set or RPE 10: about 10 %.</summary>
    public const double BackOff = 0.10;

    /// <summary>A standard barbell, kilograms.</summary>
    public const double EmptyBarKilograms = 20;

    /// <summary>A standard barbell, pounds.</summary>
    public const double EmptyBarPounds = 45;

    /// <summary>The smallest step for a variant's equipment, in <paramref name="unit"/>.</summary>
    public static Mass SmallestStep(ExerciseVariant variant, MassUnit unit)
    {
        var equipment = variant.Equipment;
        var (kg, lb) = equipment switch
        {
            _ when equipment.Contains(Equipment.Barbell) => (2.5, 5.0),
            _ when equipment.Contains(Equipment.HipThrustMachine) || equipment.Contains(Equipment.Machine) || equipment.Contains(Equipment.Cable) => (5.0, 10.0),
            _ when equipment.Contains(Equipment.Dumbbell) => (1.0, 2.5),
            _ when equipment.Contains(Equipment.Kettlebell) => (4.0, 10.0),
            _ => (DefaultStepKilograms, DefaultStepPounds),
        };
        return unit == MassUnit.Pounds ? Mass.FromPounds(lb) : Mass.FromKilograms(kg);
    }

    private const double DefaultStepKilograms = 2.5;

    private const double DefaultStepPounds = 5;

    /// <summary>
    /// <paramref name="current"/> plus <paramref name="fraction"/>, rounded to the nearest multiple of <paramref name="step"/>
    /// (in <paramref name="unit"/>) and at least one step more: with small loads one step can be more than 10 %.
    /// </summary>
    public static Mass Increase(Mass current, double fraction, Mass step, MassUnit unit)
    {
        var size = step.In(unit);
        var value = current.In(unit);
        var rounded = Math.Round(value * (1 + fraction) / size, MidpointRounding.AwayFromZero) * size;
        var oneStepUp = (Math.Floor((value / size) + 1e-9) + 1) * size;
        return Mass.From(Math.Max(rounded, oneStepUp), unit);
    }

    /// <summary>
    /// The lightest load a variant's implement can carry, in <paramref name="unit"/>: on a barbell the empty bar, 20 kg / 45 lb
    /// (a standard bar; the lightest barbell load a plan starts from, see <c>StartingLoads</c>); null where any load above zero
    /// is possible (dumbbells, kettlebells and stacks come in small sizes).
    /// </summary>
    public static Mass? Lightest(ExerciseVariant variant, MassUnit unit)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (!variant.Equipment.Contains(Equipment.Barbell))
        {
            return null;
        }

        return unit == MassUnit.Pounds ? Mass.FromPounds(EmptyBarPounds) : Mass.FromKilograms(EmptyBarKilograms);
    }

    /// <summary>
    /// A load as a runner loads it in <paramref name="unit"/>: kept when it is already a figure a runner types (a multiple of
    /// 0.25 kg or lb: 7.5 kg dumbbells, 62.5 kg, 135 lb), else (a load worked out or logged in the other unit: 57.5 kg reads
    /// 126.77 lb) rounded to the nearest step of the variant's equipment (<see cref="SmallestStep"/>; 2.5 kg / 5 lb without
    /// a variant), never below its <see cref="Lightest"/> nor to nothing.
    /// </summary>
    public static Mass OnTheBar(Mass load, ExerciseVariant? variant, MassUnit unit)
    {
        var value = load.In(unit);
        var quarters = value * 4;
        if (Math.Abs(quarters - Math.Round(quarters)) < 1e-6)
        {
            return Mass.From(Math.Round(quarters) / 4, unit);
        }

        var size = variant is null ? (unit == MassUnit.Pounds ? DefaultStepPounds : DefaultStepKilograms) : SmallestStep(variant, unit).In(unit);
        var rounded = Math.Max(size, Math.Round(value / size, MidpointRounding.AwayFromZero) * size);
        if (variant is not null && Lightest(variant, unit) is { } bar)
        {
            rounded = Math.Max(rounded, bar.In(unit));
        }

        return Mass.From(rounded, unit);
    }

    /// <summary>
    /// <paramref name="current"/> less <paramref name="fraction"/>, rounded to the nearest multiple of the step and at least one
    /// step less, but not below <paramref name="lightest"/> (the empty bar, <see cref="Lightest"/>); null when that leaves
    /// nothing lighter (the load is at or below the lightest already, or would reach zero): the back-off must then be a rung.
    /// </summary>
    public static Mass? Decrease(Mass current, double fraction, Mass step, MassUnit unit, Mass? lightest = null)
    {
        var size = step.In(unit);
        var value = current.In(unit);
        var rounded = Math.Round(value * (1 - fraction) / size, MidpointRounding.AwayFromZero) * size;
        var oneStepDown = (Math.Ceiling((value / size) - 1e-9) - 1) * size;
        var result = Math.Min(rounded, oneStepDown);
        if (lightest is { } floor)
        {
            var least = floor.In(unit);
            if (value <= least + 1e-9)
            {
                return null;
            }

            result = Math.Max(result, least);
        }

        return result > 0 ? Mass.From(result, unit) : null;
    }
}
