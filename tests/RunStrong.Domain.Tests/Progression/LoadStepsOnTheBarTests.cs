using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Tests.Progression;

/// <summary>A load read in the other unit is prescribed as a runner loads it; a load already typed in that unit is kept.</summary>
public class LoadStepsOnTheBarTests
{
    private static ExerciseVariant Rung(string exercise, string variant) =>
        BuiltInCatalogue.Find(exercise)!.Progression.Single(v => v.Slug == variant);

    [Theory]
    [InlineData("hip-thrust", "barbell", 57.5, "kg", "lb", "125 lb")] // 126.77 lb: the nearest 5 lb
    [InlineData("hip-thrust", "barbell", 20, "kg", "lb", "45 lb")] // the empty bar is the empty bar
    [InlineData("hip-thrust", "barbell", 18, "kg", "lb", "45 lb")] // never below it
    [InlineData("hip-thrust", "barbell", 135, "lb", "kg", "60 kg")] // 61.23 kg: the nearest 2.5 kg
    [InlineData("hip-thrust", "barbell", 132.5, "lb", "lb", "132.5 lb")] // typed in lb: kept, off the 5 lb step or not
    [InlineData("hip-thrust", "barbell", 62.5, "kg", "kg", "62.5 kg")]
    [InlineData("glute-bridge", "dumbbell", 7.5, "kg", "kg", "7.5 kg")] // a runner's own 7.5 kg dumbbells
    [InlineData("glute-bridge", "dumbbell", 10, "kg", "lb", "22.5 lb")] // 22.05 lb: the nearest 2.5 lb
    [InlineData("glute-bridge", "dumbbell", 0.5, "kg", "lb", "2.5 lb")] // never nothing
    public void OnTheBar_RoundsAConvertedLoadToTheStep(string exercise, string variant, double value, string from, string to, string expected)
    {
        var mass = Mass.From(value, from == "lb" ? MassUnit.Pounds : MassUnit.Kilograms);
        var unit = to == "lb" ? MassUnit.Pounds : MassUnit.Kilograms;
        Assert.Equal(expected, LoadSteps.OnTheBar(mass, Rung(exercise, variant), unit).Format(unit));
    }

    [Fact]
    public void OnTheBar_WithoutAVariant_TakesTheCommonStep() =>
        Assert.Equal("90 lb", LoadSteps.OnTheBar(Mass.FromKilograms(40), null, MassUnit.Pounds).Format(MassUnit.Pounds));
}
