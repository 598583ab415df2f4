using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>The load a plan writes on a loaded rung before anything is logged.</summary>
public class StartingLoadsTests
{
    private static readonly Exercise HipThrust = BuiltInCatalogue.Find("hip-thrust")!;

    private static ExerciseVariant Rung(Exercise exercise, string slug) => exercise.Progression.Single(v => v.Slug == slug);

    private static RunnerProfile Runner(StrengthExperience experience, IReadOnlyList<RecentLift>? lifts, WeightUnit unit = WeightUnit.Kg) =>
        TestCatalogue.IssueProfile with { Experience = experience, Lifts = lifts, WeightUnit = unit };

    private static RecentLift HipThrustSet(int reps, Mass load, string? variant = "barbell") =>
        new() { Exercise = "hip-thrust", Variant = variant, Reps = reps, Load = load };

    [Fact]
    public void RecentSet_8x40kg_Gives40kgFor8To12AtRpe7()
    {
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell"), 8, 7, Runner(StrengthExperience.Some, [HipThrustSet(8, Mass.FromKilograms(40))]))!;

        Assert.Equal(40, planned.Load!.Value.Kilograms);
        // 8 × 40 kg at about RPE 8 is a 10-rep max; the aim for 8 reps at RPE 7 is 39 kg, rounded to the bar's 40 kg step,
        // which leaves 2 reps in reserve, not the 3 aimed at: the note says what the load gives.
        Assert.Equal("from your recent 8 × 40 kg: 40 kg leaves about 2 reps in reserve at 8 reps", planned.Note);
    }

    [Fact]
    public void RecentSet_OfFiveHeavyReps_GivesALighterLoadForEight_RoundedToTheBarsStep()
    {
        // 5 x 100 kg at about RPE 8: 1RM ~ 123 kg (Epley with 7 reps to failure); 8 reps at RPE 7 (11 to failure) ~ 90 kg.
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell"), 8, 7, Runner(StrengthExperience.Regular, [HipThrustSet(5, Mass.FromKilograms(100))]))!;

        Assert.Equal(90, planned.Load!.Value.Kilograms);
        Assert.Equal(0, planned.Load.Value.Kilograms % 2.5);
    }

    [Fact]
    public void RecentSet_InPounds_RoundsToFivePounds()
    {
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell"), 8, 7, Runner(StrengthExperience.Some, [HipThrustSet(8, Mass.FromPounds(90))], WeightUnit.Lb))!;

        Assert.Equal("90lb", StartingLoads.Notation(planned.Load!.Value, MassUnit.Pounds));
    }

    [Fact]
    public void BarbellSet_AlsoServesTheBarbellPlusBandRung()
    {
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell-plus-band"), 8, 7, Runner(StrengthExperience.Some, [HipThrustSet(8, Mass.FromKilograms(40))]))!;

        Assert.Equal(40, planned.Load!.Value.Kilograms);
        Assert.EndsWith("; the band adds the rest", planned.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StrengthExperience.None, null)]
    [InlineData(StrengthExperience.Regular, 0)]
    public void NeverLifted_StartsWithTheEmptyBar(StrengthExperience experience, int? lifts)
    {
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell"), 8, 7, Runner(experience, lifts is null ? null : []))!;

        Assert.Equal(20, planned.Load!.Value.Kilograms);
        Assert.Equal("new to lifting: start with the empty bar (20 kg); the load grows as you log", planned.Note);
    }

    [Fact]
    public void ExperiencedWithoutASet_HasNoLoad_AndSaysWhatToPick()
    {
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell"), 8, 7, Runner(StrengthExperience.Regular, null))!;

        Assert.Null(planned.Load);
        Assert.Equal("no recent hip thrust set in your profile: pick a load you could lift about 11 times and log it; the next load follows from the log", planned.Note);
    }

    [Fact]
    public void BodyweightAndBandRungs_HaveNoLoad() =>
        Assert.All(HipThrust.Progression.Where(v => v.Load is LoadKind.Bodyweight or LoadKind.Band),
            v => Assert.Null(StartingLoads.For(HipThrust, v, 8, 7, Runner(StrengthExperience.None, []))));

    [Fact]
    public void ADumbbellRung_StartsWithALightDumbbell_PerHand()
    {
        var squat = BuiltInCatalogue.Find("squat")!;

        var planned = StartingLoads.For(squat, Rung(squat, "goblet"), 8, 7, Runner(StrengthExperience.None, null))!;

        Assert.Equal(4, planned.Load!.Value.Kilograms);
    }
    [Fact]
    public void RecentSet_OfTwentyReps_IsNotExtrapolated_ItsOwnLoadIsTheStart()
    {
        // Epley from 22 reps to failure would give a 1RM of 69 kg and a plan of 52.5 kg for 8: 31 % over what the runner
        // lifted; the estimate holds only for sets of up to 10 reps (domain.md §3).
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell"), 8, 7, Runner(StrengthExperience.Some, [HipThrustSet(20, Mass.FromKilograms(40))]))!;

        Assert.Equal(40, planned.Load!.Value.Kilograms);
        Assert.Equal("from your recent 20 × 40 kg: start with 40 kg (a set of more than 10 reps gives no reliable estimate of a heavier load); the load grows as you log", planned.Note);
    }

    [Fact]
    public void RecentSet_OfTenReps_IsStillEstimated()
    {
        // 10 × 40 kg at about RPE 8: 1RM 56 kg; 8 reps at RPE 7 (11 to failure) aims at 41 kg, the bar's step gives 40 kg.
        var planned = StartingLoads.For(HipThrust, Rung(HipThrust, "barbell"), 8, 7, Runner(StrengthExperience.Some, [HipThrustSet(10, Mass.FromKilograms(40))]))!;

        Assert.Equal(40, planned.Load!.Value.Kilograms);
        Assert.Equal("from your recent 10 × 40 kg: 40 kg leaves about 4 reps in reserve at 8 reps", planned.Note);
    }
}
