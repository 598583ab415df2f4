using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>The issue's runners planned with the real built-in catalogue.</summary>
public class BuiltInCataloguePlanTests
{
    private static Plan Generate(RunnerProfile profile) =>
        PlanGenerator.Generate(profile, BuiltInCatalogue.Exercises, TestCatalogue.IssueStart);

    [Fact]
    public void HomeRunnerWithALoopBand_OnlyGetsBodyweightAndBandVariants()
    {
        foreach (var experience in Enum.GetValues<StrengthExperience>())
        {
            var plan = Generate(TestCatalogue.IssueProfile with { Experience = experience });

            var prescribed = plan.Days.SelectMany(d => d.Sessions).SelectMany(s => s.Exercises).ToList();
            Assert.NotEmpty(prescribed);
            Assert.All(prescribed, e =>
            {
                var variant = BuiltInCatalogue.Find(e.Slug)!.Progression.Single(v => v.Slug == e.Variant);
                Assert.True(variant.Equipment.All(q => q is Equipment.None or Equipment.LoopBand), $"{e.Slug}/{e.Variant} needs {string.Join(", ", variant.Equipment)}");
                Assert.True(variant.Load is LoadKind.Bodyweight or LoadKind.Band);
            });
        }
    }

    [Fact]
    public void IssueExample_EverySessionCoversTheThreeJobs_AndTheTwoWeeklySessionsDiffer()
    {
        var plan = Generate(TestCatalogue.IssueProfile);

        Assert.All(plan.Sessions(SessionKind.Strength), s =>
        {
            var exercises = s.Session.Exercises.Select(e => BuiltInCatalogue.Find(e.Slug)!).ToList();
            Assert.InRange(exercises.Count, 2, 4);
            Assert.Contains(exercises, e => e.Trains(JointAction.HipExtension));
            Assert.Contains(exercises, e => e.Trains(JointAction.HipAbduction) || e.Trains(JointAction.HipExternalRotation));
            Assert.Contains(exercises, e => e.SingleLeg && (e.Trains(JointAction.HipExtension) || e.Trains(JointAction.KneeExtension)));
        });
        var firstWeek = plan.Sessions(SessionKind.Strength).Where(s => s.Week.Index == 1).Select(s => s.Session.Exercises.Select(e => e.Slug).Order().ToList()).ToList();
        Assert.Equal(2, firstWeek.Count);
        Assert.NotEqual(firstWeek[0], firstWeek[1]);
    }

    [Fact]
    public void GymRunnerWithABarbell_LiftsTheBarbellHipThrust()
    {
        var profile = TestCatalogue.IssueProfile with
        {
            Experience = StrengthExperience.Regular,
            Locations = [Location.Gym],
            Equipment = [Equipment.Barbell, Equipment.Bench, Equipment.LoopBand, Equipment.Dumbbell, Equipment.StepBox],
        };

        var plan = Generate(profile);

        var hipThrust = plan.Sessions(SessionKind.Strength).SelectMany(s => s.Session.Exercises).First(e => e.Slug == "hip-thrust");
        Assert.Equal("barbell-plus-band", hipThrust.Variant);
        Assert.Equal(8, hipThrust.Rpe);
    }

    [Fact]
    public void OutdoorRunner_HillSprintRungFollowsTheSprintLength()
    {
        var plan = Generate(TestCatalogue.IssueProfile with { Locations = [Location.Outdoors], Experience = StrengthExperience.Some });

        var sprints = plan.Sessions(SessionKind.HillSprints).Select(s => s.Session.Exercises[0]).ToList();
        Assert.NotEmpty(sprints);
        Assert.All(sprints, e => Assert.Equal($"{e.Seconds}-seconds", e.Variant));
        Assert.Contains(sprints, e => e.Seconds == 12);
    }
}
