using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using static RunStrong.Domain.Tests.Training.TestLog;

namespace RunStrong.Domain.Tests.Progression;

/// <summary>
/// Hill sprints in the progression engine, on the built-in catalogue's ladder (8-seconds, 10-seconds, 12-seconds): the same
/// steps as the plan's <see cref="HillSprintDose"/> (Hudson 2008, domain.md §4).
/// </summary>
public class HillSprintProgressionTests
{
    private static readonly Exercise Sprints = BuiltInCatalogue.Find("hill-sprints")!;

    private static readonly IReadOnlySet<Equipment> Hill = Has(Equipment.Hill);

    private static LoggedStrengthSession Logged(string rung, int seconds, int sprints, int notCompleted = 0, double? rpe = null, bool pain = false, DateOnly? date = null) =>
        new(date ?? Monday, Enumerable.Range(0, sprints).Select(i => new LoggedSet("hill-sprints", rung, 0, seconds: seconds,
            effort: rpe is { } e ? Rpe.FromRating(e) : null, pain: pain, completed: i < sprints - notCompleted)));

    private static Prescription Next(IReadOnlyList<LoggedStrengthSession> history, bool deload = false, StrengthExperience? experience = null,
        IReadOnlyList<SorenessCheckIn>? checkIns = null) =>
        ProgressionRules.Next(new ProgressionRequest
        {
            Exercise = Sprints,
            AvailableEquipment = Hill,
            History = history,
            CheckIns = checkIns ?? [],
            DeloadWeek = deload,
            Experience = experience,
        });

    [Fact]
    public void TwelveOfTwelveSecondsOnThe12SecondRung_IsTheCeiling_KeptAt12Seconds()
    {
        var next = Next([Logged("12-seconds", 12, 12)]);

        Assert.Equal(("12-seconds", 12, 12), (next.Variant.Slug, next.Sets, next.Seconds!.Value));
        Assert.Equal(ProgressionStep.Repeat, next.Step);
        Assert.Equal("last time 12 x 12 s, all completed: that is the top of the ladder, 12 x 12 s (Hudson 2008: a ceiling of 10–12 sprints, up to 12 s); keep it, at most twice a week, or one session of 6–10 a week to maintain", next.Reason);
    }

    [Theory]
    [InlineData("8-seconds", 8, 2, "8-seconds", 3, 8, ProgressionStep.AddReps)]
    [InlineData("8-seconds", 8, 7, "8-seconds", 8, 8, ProgressionStep.AddReps)]
    [InlineData("8-seconds", 8, 8, "10-seconds", 8, 10, ProgressionStep.NextRung)]
    [InlineData("10-seconds", 10, 8, "10-seconds", 9, 10, ProgressionStep.AddReps)]
    [InlineData("10-seconds", 10, 10, "12-seconds", 10, 12, ProgressionStep.NextRung)]
    [InlineData("12-seconds", 12, 10, "12-seconds", 11, 12, ProgressionStep.AddReps)]
    [InlineData("12-seconds", 12, 11, "12-seconds", 12, 12, ProgressionStep.AddReps)]
    public void EverySprintCompleted_ClimbsThePlansLadder(string rung, int seconds, int sprints, string nextRung, int nextSprints, int nextSeconds, ProgressionStep step)
    {
        var next = Next([Logged(rung, seconds, sprints)]);

        Assert.Equal((nextRung, nextSprints, nextSeconds, step), (next.Variant.Slug, next.Sets, next.Seconds!.Value, next.Step));
        // The same step as the plan's ladder, one sprint a session when the runner's experience is unknown.
        Assert.Equal(HillSprintDose.Done(sprints, seconds).Next(1), new HillSprintDose(next.Sets, next.Seconds!.Value));
    }

    [Fact]
    public void EightOfEightSeconds_GoesTo10Seconds_OnASteeperSlope()
    {
        var next = Next([Logged("8-seconds", 8, 8)]);

        Assert.Equal("last time 8 x 8 s, all completed: time for longer sprints (Hudson 2008: at 8–10 sprints of 8 s go to 10 s, at 10 of 10 s to 12 s), 8 x 10 s on a steeper slope, about 8 %", next.Reason);
    }

    [Fact]
    public void RegularLifter_AddsTwoSprints_AsThePlanDoes()
    {
        var next = Next([Logged("8-seconds", 8, 2)], experience: StrengthExperience.Regular);

        Assert.Equal((4, 8), (next.Sets, next.Seconds!.Value));
        Assert.Equal("last time 2 x 8 s, all completed: add 2 sprints, 4 x 8 s (Hudson 2008: add 1–2 a week, up to 12)", next.Reason);
    }

    [Fact]
    public void FirstTime_NearAllOut_NoRepsInReserve()
    {
        var next = Next([], experience: StrengthExperience.None);

        Assert.Equal(("8-seconds", 1, 8, ProgressionStep.Start), (next.Variant.Slug, next.Sets, next.Seconds!.Value, next.Step));
        Assert.Equal(ProgressionRules.HillSprintRpe, next.TargetRpe);
        Assert.Equal("first time: start with 8 s hill sprints, 6–8 % grade, 1 x 8 s uphill, near all-out, after an easy run; walk down to recover, 2–3 min (Hudson 2008: start with 1–2)", next.Reason);
        Assert.DoesNotContain("reps in reserve", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OneSprintNotCompleted_IsFatigue_SameAgainWithoutPainWords()
    {
        var next = Next([Logged("10-seconds", 10, 9, notCompleted: 1)]);

        Assert.Equal(("10-seconds", 9, 10, ProgressionStep.Repeat), (next.Variant.Slug, next.Sets, next.Seconds!.Value, next.Step));
        Assert.Equal("last time 9 x 10 s, 1 of 9 sprints not completed: with no pain logged that is fatigue, not a reason to cut back; same again, 9 x 10 s, walking all the way down between sprints (2–3 min)", next.Reason);
        Assert.DoesNotContain("hurt", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OneOfTwoSprintsNotCompleted_RepeatsTwo_NotOneAndStopIfItHurts()
    {
        var next = Next([Logged("8-seconds", 8, 2, notCompleted: 1)]);

        Assert.Equal((2, 8, ProgressionStep.Repeat), (next.Sets, next.Seconds!.Value, next.Step));
        Assert.DoesNotContain("hurt", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralSprintsNotCompleted_OneSprintFewer()
    {
        var next = Next([Logged("12-seconds", 12, 12, notCompleted: 3)]);

        Assert.Equal(("12-seconds", 11, 12, ProgressionStep.BackOffVolume), (next.Variant.Slug, next.Sets, next.Seconds!.Value, next.Step));
        Assert.StartsWith("last time 12 x 12 s, 3 of 12 sprints not completed: with no pain logged that is fatigue; one sprint fewer, 11 x 12 s", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SprintsShorterThanTheRung_CountAsNotCompleted()
    {
        var session = new LoggedStrengthSession(Monday,
            [.. Enumerable.Repeat(new LoggedSet("hill-sprints", "12-seconds", 0, seconds: 12), 8), new LoggedSet("hill-sprints", "12-seconds", 0, seconds: 9)]);

        var next = Next([session]);

        Assert.Equal((9, 12, ProgressionStep.Repeat), (next.Sets, next.Seconds!.Value, next.Step));
        Assert.StartsWith("last time 9 sets of 12 s, 12 s, 12 s, 12 s, 12 s, 12 s, 12 s, 12 s, 9 s, 1 of 9 sprints not completed", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AllOutSprintsLoggedAtRpe10_AreNoReasonToBackOff()
    {
        var next = Next([Logged("8-seconds", 8, 4, rpe: 10)]);

        Assert.Equal((5, 8, ProgressionStep.AddReps), (next.Sets, next.Seconds!.Value, next.Step));
    }

    [Fact]
    public void DeloadWeek_HoldsTheLastDose_AsThePlanDoes()
    {
        var next = Next([Logged("10-seconds", 10, 9)], deload: true);

        Assert.Equal(("10-seconds", 9, 10, ProgressionStep.Deload), (next.Variant.Slug, next.Sets, next.Seconds!.Value, next.Step));
        Assert.Equal("deload week: hill sprints are held, not added to: 9 x 10 s as last time; next week you pick up where you left off", next.Reason);
    }

    [Fact]
    public void PainAfterSprintsOnThe12SecondRung_DropsToThe10SecondRungAt10Seconds()
    {
        var next = Next([Logged("12-seconds", 12, 10)], checkIns: [new SorenessCheckIn(Monday.AddDays(1), BodyArea.Hamstrings, 6)]);

        Assert.Equal(("10-seconds", 2, 10, ProgressionStep.BackOffRung), (next.Variant.Slug, next.Sets, next.Seconds!.Value, next.Step));
        Assert.Equal("pain in your hamstrings after last session (6/10): back to 10 s hill sprints, steeper hill, 2 x 10 s", next.Reason);
    }

    [Fact]
    public void HillSprintDose_RungFor_NamesTheLengthsRung()
    {
        Assert.Equal(["8-seconds", "10-seconds", "12-seconds"], new[] { 8, 10, 12 }.Select(s => HillSprintDose.RungFor(Sprints.Progression, s).Slug));
        Assert.Equal([8, 10, 12], Sprints.Progression.Select(v => HillSprintDose.SecondsOf(v)!.Value));
        Assert.Equal("8-seconds", HillSprintDose.RungFor(Sprints.Progression.Take(2).ToList(), 8).Slug);
        Assert.Equal("10-seconds", HillSprintDose.RungFor(Sprints.Progression.Take(2).ToList(), 12).Slug);
    }
}
