using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Tests.Training;
using RunStrong.Domain.Training;
using static RunStrong.Domain.Tests.Training.TestLog;

namespace RunStrong.Domain.Tests.Progression;

public class ProgressionRulesTests
{
    private static readonly IReadOnlySet<Equipment> Gym = Has(Equipment.LoopBand, Equipment.Barbell, Equipment.Bench, Equipment.Dumbbell);

    private static Prescription Next(
        Exercise exercise, IReadOnlySet<Equipment> equipment, IReadOnlyList<LoggedStrengthSession> history,
        IReadOnlyList<SorenessCheckIn>? checkIns = null, bool deload = false, MassUnit unit = MassUnit.Kilograms) =>
        ProgressionRules.Next(new ProgressionRequest
        {
            Exercise = exercise,
            AvailableEquipment = equipment,
            History = history,
            CheckIns = checkIns ?? [],
            DeloadWeek = deload,
            Unit = unit,
        });

    [Fact]
    public void NoHistory_StartsAtTheBottomOfTheDoseAtRpe7()
    {
        var next = Next(HipThrust, Gym, []);

        Assert.Equal(ProgressionStep.Start, next.Step);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Equal((3, 8, 12, 8), (next.Sets, next.RepsMin!.Value, next.RepsMax!.Value, next.TargetReps!.Value));
        Assert.Equal(7, next.TargetRpe);
        Assert.Equal(3, next.TargetRepsInReserve);
        Assert.Null(next.Load);
        Assert.Equal("first time: start with Bodyweight hip thrust at the bottom of the range, 3 x 8 at RPE 7 (about 3 reps in reserve)", next.Reason);
    }

    [Fact]
    public void NoHistory_LadderStartingWithEquipmentTheRunnerLacks_SaysSo()
    {
        var next = Next(SplitSquat, Has(), []);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Contains("it needs a bench, which you haven't listed", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BelowTopOfRange_AddsRepsAtTheSameLoad()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [10, 10, 9], kg: 60, rpe: 8)]);

        Assert.Equal(ProgressionStep.AddReps, next.Step);
        Assert.Equal(60, next.Load!.Value.Kilograms);
        Assert.Equal(10, next.TargetReps);
        Assert.Equal(8, next.TargetRpe);
        Assert.Equal("last time 3 sets of 10, 10, 9 at 60 kg at RPE 8: same load (60 kg), aim for 10 reps on every set, then keep adding reps up to 12", next.Reason);
    }

    [Fact]
    public void EverySetAtTheTop_AddsLoadRoundedToTheBarbellStep_AndGoesBackToTheBottom()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [12, 12, 12], kg: 60, rpe: 8)]);

        Assert.Equal(ProgressionStep.AddLoad, next.Step);
        Assert.Equal(62.5, next.Load!.Value.Kilograms); // 5 % = 63 kg, rounded to the 2.5 kg step
        Assert.Equal(8, next.TargetReps);
        Assert.Equal(7, next.TargetRpe);
        Assert.Equal("last time 3 x 12 at 60 kg at RPE 8, the top of the range: add 2.5 kg (4 %) to 62.5 kg and go back to 8 reps", next.Reason);
    }

    [Fact]
    public void TopOfRangeOnOneSetOnly_DoesNotAddLoad()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [12, 11, 11], kg: 60, rpe: 8)]);
        Assert.Equal(ProgressionStep.AddReps, next.Step);
        Assert.Equal(12, next.TargetReps);
    }

    [Fact]
    public void SmallDumbbellLoad_AddsAtLeastOneStepPerHand()
    {
        var next = Next(Squat, Gym, [Session(Monday, Squat, "goblet", [12, 12, 12], kg: 10, rpe: 7)]);
        Assert.Equal(11, next.Load!.Value.Kilograms); // 5 % is 0.5 kg, less than the 1 kg dumbbell step
        Assert.Contains("add 1 kg (10 %) to 11 kg", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PoundUser_LoadStepsInPounds()
    {
        var session = new LoggedStrengthSession(Monday,
            Enumerable.Repeat(new LoggedSet("hip-thrust", "barbell", 12, load: Mass.FromPounds(135), effort: Rpe.FromRating(8)), 3));

        var next = Next(HipThrust, Gym, [session], unit: MassUnit.Pounds);

        Assert.Equal(140, next.Load!.Value.Pounds, 6); // 5 % = 141.75 lb, nearest 5 lb step
        Assert.Contains("add 5 lb (4 %) to 140 lb", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSessionsInARowOverTheRange_AddsTheLargerStep_Acsm2009()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "barbell", [13, 13, 14], kg: 60, rpe: 7),
            Session(Monday.AddDays(3), HipThrust, "barbell", [13, 13, 13], kg: 60, rpe: 7),
        ]);

        Assert.Equal(ProgressionStep.AddLoad, next.Step);
        Assert.Equal(65, next.Load!.Value.Kilograms); // 10 % = 66 kg, nearest 2.5 kg step
        Assert.Equal("two sessions in a row 3 x 13 at 60 kg at RPE 7, 1–2 reps over the range: add 5 kg (8 %) to 65 kg and go back to 8 reps (ACSM 2009)", next.Reason);
    }

    [Fact]
    public void OneSessionOverTheRange_AddsTheNormalStep()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "barbell", [12, 12, 12], kg: 60, rpe: 7),
            Session(Monday.AddDays(3), HipThrust, "barbell", [13, 13, 13], kg: 60, rpe: 7),
        ]);
        Assert.Equal(62.5, next.Load!.Value.Kilograms);
        Assert.Equal("last time 3 x 13 at 60 kg at RPE 7, 1 rep over the range: add 2.5 kg (4 %) to 62.5 kg and go back to 8 reps", next.Reason);
    }

    [Fact]
    public void FarOverTheRangeOnce_AddsTheLargestStep_AndSaysHowFarOver()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [20, 20, 20], kg: 60, rpe: 7)]);

        Assert.Equal(ProgressionStep.AddLoad, next.Step);
        Assert.Equal(65, next.Load!.Value.Kilograms); // 10 % = 66 kg, nearest 2.5 kg step: the most one step adds (ACSM 2009: 2–10 %)
        Assert.Equal("last time 3 x 20 at 60 kg at RPE 7, 8 reps over the range: the load is light for 8–12 reps, so add the largest step (ACSM 2009: 2–10 %), 5 kg (8 %) to 65 kg, and go back to 8 reps; more steps follow while it stays light", next.Reason);
        Assert.DoesNotContain("1–2 reps", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FarOverTheRangeTwice_SaysHowFarOver_NotOneToTwo()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "barbell", [20, 18, 16], kg: 60, rpe: 7),
            Session(Monday.AddDays(3), HipThrust, "barbell", [20, 20, 20], kg: 60, rpe: 7),
        ]);

        Assert.Equal(65, next.Load!.Value.Kilograms);
        Assert.Equal("two sessions in a row 3 x 20 at 60 kg at RPE 7, 4–8 reps over the range: add 5 kg (8 %) to 65 kg and go back to 8 reps (ACSM 2009)", next.Reason);
    }

    [Fact]
    public void BodyweightTopAtRpe7Once_RepeatsBeforeMovingUp()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "bodyweight", [12, 12, 12], rpe: 7)]);

        Assert.Equal(ProgressionStep.Repeat, next.Step);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Equal(12, next.TargetReps);
        Assert.Equal("last time 3 x 12 at RPE 7, the top of the range with reps to spare: do it once more and you move up", next.Reason);
    }

    [Fact]
    public void BodyweightTopAtRpe7Twice_AddsALoopBand()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "bodyweight", [12, 12, 12], rpe: 8),
            Session(Monday.AddDays(3), HipThrust, "bodyweight", [12, 12, 12], rpe: 7),
        ]);

        Assert.Equal(ProgressionStep.NextRung, next.Step);
        Assert.Equal("banded", next.Variant.Slug);
        Assert.Equal(BandResistance.Light, next.Band);
        Assert.Null(next.Load);
        Assert.Equal(8, next.TargetReps);
        Assert.Equal("last time 3 x 12 at RPE 7, the second session in a row at the top with 2 or more reps in reserve: add a loop band (Banded hip thrust), and go back to 8 reps", next.Reason);
    }

    [Fact]
    public void TopTwiceButAtRpe9_DoesNotMoveUp()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "bodyweight", [12, 12, 12], rpe: 9),
            Session(Monday.AddDays(3), HipThrust, "bodyweight", [12, 12, 12], rpe: 9),
        ]);
        Assert.Equal(ProgressionStep.Repeat, next.Step);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Equal("last time 3 x 12 at RPE 9, the top of the range: stay at 12 reps until it feels like RPE 8 or easier, then you move up", next.Reason);
    }

    [Fact]
    public void TopTwiceWithoutRpe_AsksForRpeInsteadOfMoving()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "bodyweight", [12, 12, 12]),
            Session(Monday.AddDays(3), HipThrust, "bodyweight", [12, 12, 12]),
        ]);
        Assert.Equal(ProgressionStep.Repeat, next.Step);
        Assert.Contains("log how hard it felt (RPE)", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void QualifyingSessionsSeparatedByAMiss_DoNotCountAsTwoInARow()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "bodyweight", [12, 12, 12], rpe: 7),
            Session(Monday.AddDays(3), HipThrust, "bodyweight", [12, 12, 10], rpe: 8),
            Session(Monday.AddDays(7), HipThrust, "bodyweight", [12, 12, 12], rpe: 7),
        ]);
        Assert.Equal(ProgressionStep.Repeat, next.Step);
    }

    [Fact]
    public void LadderMove_SkipsRungsWhoseEquipmentTheRunnerLacks()
    {
        var next = Next(HipThrust, Has(Equipment.Barbell, Equipment.Bench),
        [
            Session(Monday, HipThrust, "bodyweight", [12, 12, 12], rpe: 7),
            Session(Monday.AddDays(3), HipThrust, "bodyweight", [12, 12, 12], rpe: 7),
        ]);
        Assert.Equal(ProgressionStep.NextRung, next.Step);
        Assert.Equal("barbell", next.Variant.Slug);
        Assert.Null(next.Load);
        Assert.Contains("move up to Barbell hip thrust, with a load you could lift about 15 times (skipping Banded hip thrust: no a loop band)", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LadderMove_WithNoEquipmentForAnyHigherRung_AddsASetInstead()
    {
        var history = new[]
        {
            Session(Monday, HipThrust, "bodyweight", [12, 12, 12], rpe: 7),
            Session(Monday.AddDays(3), HipThrust, "bodyweight", [12, 12, 12], rpe: 7),
        };

        var next = Next(HipThrust, Has(), history);

        Assert.Equal(ProgressionStep.AddSet, next.Step);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Equal(4, next.Sets);
        Assert.Equal("last time 3 x 12 at RPE 7, twice at the top with reps to spare, and the next rung needs a loop band, which you haven't listed: add a set, 4 x 12 reps", next.Reason);
    }

    [Fact]
    public void BandRungAtTheTop_MovesToAHeavierBand()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "banded", [12, 12, 12], rpe: 8, band: BandResistance.Light)]);
        Assert.Equal(ProgressionStep.HeavierBand, next.Step);
        Assert.Equal(BandResistance.Medium, next.Band);
        Assert.Equal("last time 3 x 12 with a light band at RPE 8, the top of the range: switch to a medium band and go back to 8 reps", next.Reason);
    }

    [Fact]
    public void HeavyBandAtTheTopTwice_MovesToTheBarbell()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "banded", [12, 12, 12], rpe: 8, band: BandResistance.Heavy),
            Session(Monday.AddDays(3), HipThrust, "banded", [12, 12, 12], rpe: 8, band: BandResistance.Heavy),
        ]);
        Assert.Equal(ProgressionStep.NextRung, next.Step);
        Assert.Equal("barbell", next.Variant.Slug);
    }

    [Fact]
    public void FailedSet_DropsTheLoadAbout10Percent()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [8, 8, 5], kg: 60, rpe: 9, failedFrom: 2)]);

        Assert.Equal(ProgressionStep.BackOffLoad, next.Step);
        Assert.Equal("barbell", next.Variant.Slug);
        Assert.Equal(55, next.Load!.Value.Kilograms); // 54 kg, nearest 2.5 kg step
        Assert.Equal(8, next.TargetReps);
        Assert.Equal("a failed set last time (2 of 3 sets completed at 60 kg): drop the load about 10 % to 55 kg and start again at 8 reps", next.Reason);
    }

    [Fact]
    public void FailedSetAtTheEmptyBar_DropsToTheRungBelow_NotBelowTheBar()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [10, 6], kg: 20, rpe: 9, failedFrom: 1)]);

        Assert.Equal(ProgressionStep.BackOffRung, next.Step);
        Assert.Equal(("banded", BandResistance.Light), (next.Variant.Slug, next.Band!.Value));
        Assert.Null(next.Load);
        Assert.Equal("a failed set last time (1 of 2 sets completed at 20 kg), and the empty bar (20 kg) is as light as a barbell goes: back to Banded hip thrust, 3 x 8 reps", next.Reason);
    }

    [Fact]
    public void FailedSetAtTheEmptyBarInPounds_DropsToTheRungBelow_Not40Pounds()
    {
        var session = new LoggedStrengthSession(Monday,
        [
            new LoggedSet("hip-thrust", "barbell", 10, load: Mass.FromPounds(45), effort: Rpe.FromRating(9)),
            new LoggedSet("hip-thrust", "barbell", 6, load: Mass.FromPounds(45), effort: Rpe.FromRating(10), completed: false),
        ]);

        var next = Next(HipThrust, Has(Equipment.Barbell, Equipment.Bench), [session], unit: MassUnit.Pounds);

        Assert.Equal(("bodyweight", ProgressionStep.BackOffRung), (next.Variant.Slug, next.Step));
        Assert.Null(next.Load);
        Assert.Equal("a failed set last time (1 of 2 sets completed at 45 lb), and the empty bar (45 lb) is as light as a barbell goes: back to bodyweight, 3 x 8 reps", next.Reason);
    }

    [Fact]
    public void FailedSetJustAboveTheBar_DropsToTheEmptyBar()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [10, 6], kg: 21, rpe: 9, failedFrom: 1)]);

        Assert.Equal(ProgressionStep.BackOffLoad, next.Step);
        Assert.Equal(20, next.Load!.Value.Kilograms);
        Assert.Equal("a failed set last time (1 of 2 sets completed at 21 kg): drop to the empty bar, 20 kg (a barbell goes no lighter), and start again at 8 reps", next.Reason);
    }

    [Fact]
    public void FailedSetAtTheEmptyBar_NoRungBelow_KeepsTheBarWithASetFewer_WithoutPainWords()
    {
        var deadlift = new Exercise
        {
            Slug = "romanian-deadlift", Name = "Romanian deadlift", Kind = ExerciseKind.Strength, PrimaryMuscles = [Muscle.Hamstrings],
            JointActions = [JointAction.HipExtension], Equipment = [Equipment.Barbell], Locations = [Location.Gym], Level = Level.Beginner,
            Dose = Dose.Reps(8, 12, 3),
            Progression = [Variant("dumbbells", "Dumbbell Romanian deadlift", LoadKind.External, Equipment.Dumbbell), Variant("barbell", "Romanian deadlift", LoadKind.External, Equipment.Barbell)],
        };

        var next = Next(deadlift, Has(Equipment.Barbell), [Session(Monday, deadlift, "barbell", [8, 5], kg: 20, rpe: 9, failedFrom: 1)]);

        Assert.Equal(("barbell", 2, 20.0, ProgressionStep.BackOffVolume), (next.Variant.Slug, next.Sets, next.Load!.Value.Kilograms, next.Step));
        Assert.Equal("a failed set last time (1 of 2 sets completed at 20 kg), and the empty bar (20 kg) is as light as a barbell goes: you are on the easiest version you can do, so do 2 x 8 reps at 20 kg, ending each set with 2–3 reps in reserve", next.Reason);
    }

    [Fact]
    public void FailedSetOnABarbellSquat_DropsToTheGobletSquat_WithoutCarryingTheBarbellLoadToADumbbell()
    {
        var squat = Squat with
        {
            Progression = [.. Squat.Progression, Variant("barbell", "Barbell squat", LoadKind.External, Equipment.Barbell)],
        };

        var next = Next(squat, Gym, [Session(Monday, squat, "barbell", [8, 4], kg: 20, rpe: 10, failedFrom: 1)]);

        Assert.Equal(("goblet", ProgressionStep.BackOffRung), (next.Variant.Slug, next.Step));
        Assert.Null(next.Load);
        Assert.EndsWith("back to Goblet squat, with a load you could lift about 15 times, 3 x 8 reps", next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rpe10_DropsTheLoad()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [12, 12, 12], kg: 100, rpe: 10)]);
        Assert.Equal(ProgressionStep.BackOffLoad, next.Step);
        Assert.Equal(90, next.Load!.Value.Kilograms);
        Assert.Equal("last time you reached RPE 10, no reps in reserve at 100 kg: drop the load about 10 % to 90 kg and start again at 8 reps", next.Reason);
    }

    [Fact]
    public void FailedSetOnABandRung_UsesALighterBand()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "banded", [10, 6], band: BandResistance.Medium, failedFrom: 1)]);
        Assert.Equal(ProgressionStep.BackOffLoad, next.Step);
        Assert.Equal(BandResistance.Light, next.Band);
    }

    [Fact]
    public void PainInALoadedAreaAfterTheSession_DropsOneRung()
    {
        var next = Next(Squat, Gym,
            [Session(Monday, Squat, "goblet", [10, 10, 10], kg: 16, rpe: 8)],
            [new SorenessCheckIn(Monday.AddDays(1), BodyArea.Knees, 6)]);

        Assert.Equal(ProgressionStep.BackOffRung, next.Step);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Null(next.Load);
        Assert.Equal("pain in your knees after last session (6/10): back to bodyweight, 3 x 8 reps", next.Reason);
    }

    [Fact]
    public void PainInAnUnrelatedArea_ChangesNothing()
    {
        var history = new[] { Session(Monday, HipThrust, "barbell", [12, 12, 12], kg: 60, rpe: 8) };

        var next = Next(HipThrust, Gym, history, [new SorenessCheckIn(Monday.AddDays(1), BodyArea.Knees, 8), new SorenessCheckIn(Monday.AddDays(1), BodyArea.Shins, 7)]);

        Assert.Equal(ProgressionStep.AddLoad, next.Step);
        Assert.Equal(62.5, next.Load!.Value.Kilograms);
    }

    [Fact]
    public void MildSorenessOrSorenessBeforeTheSession_ChangesNothing()
    {
        var history = new[] { Session(Monday.AddDays(3), HipThrust, "barbell", [12, 12, 12], kg: 60, rpe: 8) };
        var checkIns = new[]
        {
            new SorenessCheckIn(Monday.AddDays(4), BodyArea.Glutes, 4),
            new SorenessCheckIn(Monday, BodyArea.Glutes, 8),
        };

        Assert.Equal(ProgressionStep.AddLoad, Next(HipThrust, Gym, history, checkIns).Step);
    }

    [Fact]
    public void PainDuringASet_DropsOneRung()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "banded", [12, 12, 12], rpe: 7, band: BandResistance.Light, pain: true)]);
        Assert.Equal(ProgressionStep.BackOffRung, next.Step);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Equal("you felt pain during Hip thrust last time: back to bodyweight, 3 x 8 reps", next.Reason);
    }

    [Fact]
    public void PainOnBarbellPlusBand_DropsTheBandAndKeepsTheLoad()
    {
        var next = Next(HipThrust, Gym,
            [Session(Monday, HipThrust, "barbell-plus-band", [10, 10, 10], kg: 80, rpe: 8, band: BandResistance.Light)],
            [new SorenessCheckIn(Monday, BodyArea.Hamstrings, 5)]);
        Assert.Equal("barbell", next.Variant.Slug);
        Assert.Equal(80, next.Load!.Value.Kilograms);
        Assert.Null(next.Band);
        Assert.Equal("pain in your hamstrings after last session (5/10): drop the band, keep 80 kg, 3 x 8 reps", next.Reason);
    }

    [Fact]
    public void PainOnTheEasiestRung_CutsASet()
    {
        var next = Next(CalfRaise, Has(), [Session(Monday, CalfRaise, "bodyweight", [15, 15, 15], rpe: 7)], [new SorenessCheckIn(Monday.AddDays(1), BodyArea.Calves, 7)]);
        Assert.Equal(ProgressionStep.BackOffVolume, next.Step);
        Assert.Equal(2, next.Sets);
        Assert.Equal("pain in your calves after last session (7/10): you are on the easiest version you can do, so do 2 x 10 reps and stop if it hurts; if it keeps hurting, leave this exercise out", next.Reason);
    }

    [Fact]
    public void DeloadWeek_CutsSetsAndReps_RaisesRepsInReserve_KeepsExerciseAndLoad()
    {
        var next = Next(HipThrust, Gym, [Session(Monday, HipThrust, "barbell", [12, 12, 12], kg: 60, rpe: 8)], deload: true);

        Assert.Equal(ProgressionStep.Deload, next.Step);
        Assert.Equal("barbell", next.Variant.Slug);
        Assert.Equal(60, next.Load!.Value.Kilograms);
        // The plan's deload (DeloadDose): 3 x 8–12 at RPE 8 -> 2 x 6–8 at RPE 6.
        Assert.Equal((2, 6, 8, 6), (next.Sets, next.RepsMin!.Value, next.RepsMax!.Value, next.TargetReps!.Value));
        Assert.Equal(6, next.TargetRpe);
        Assert.Equal(4, next.TargetRepsInReserve);
        Assert.Equal("deload week: 2 x 6–8 at RPE 6 (about 4 reps in reserve), same exercise and load; next week you pick up where you left off", next.Reason);
    }

    [Fact]
    public void DeloadWeekAfterPain_BacksOffAndDeloads()
    {
        var next = Next(Squat, Gym,
            [Session(Monday, Squat, "goblet", [10, 10, 10], kg: 16, rpe: 8)],
            [new SorenessCheckIn(Monday.AddDays(1), BodyArea.Quadriceps, 6)], deload: true);
        Assert.Equal(ProgressionStep.Deload, next.Step);
        Assert.Equal("bodyweight", next.Variant.Slug);
        Assert.Equal("deload week: 2 x 6–8 at RPE 5 (about 5 reps in reserve) with Bodyweight squat (pain in your quadriceps after last session (6/10)); next week you pick up where you left off", next.Reason);
    }

    [Fact]
    public void AfterADeloadSession_ProgressionPicksUpFromTheSessionBefore()
    {
        var next = Next(HipThrust, Gym,
        [
            Session(Monday, HipThrust, "barbell", [12, 12, 12], kg: 60, rpe: 8),
            Session(Monday.AddDays(7), HipThrust, "barbell", [6, 6], kg: 60, rpe: 6, deload: true),
        ]);
        Assert.Equal(ProgressionStep.AddLoad, next.Step);
        Assert.Equal(62.5, next.Load!.Value.Kilograms);
    }

    [Fact]
    public void DeloadWeek_TimedHold_TwoThirdsAsLong_AsThePlan()
    {
        var plank = new Exercise
        {
            Slug = "side-plank", Name = "Side plank", Kind = ExerciseKind.Strength, PrimaryMuscles = [Muscle.GluteusMedius],
            JointActions = [JointAction.HipAbduction], Equipment = [Equipment.None], Locations = [Location.Home], Level = Level.Beginner,
            Dose = Dose.Timed(30, sets: 3), Progression = [Variant("from-knees", "Side plank from the knees", LoadKind.Bodyweight, Equipment.None)],
        };
        var logged = new LoggedStrengthSession(Monday, Enumerable.Repeat(new LoggedSet("side-plank", "from-knees", 0, seconds: 30, effort: Rpe.FromRating(8)), 3));

        var next = Next(plank, Has(), [logged], deload: true);

        Assert.Equal((2, 20, 6), (next.Sets, next.Seconds!.Value, next.TargetRpe));
        Assert.StartsWith("deload week: 2 x 20 s at RPE 6", next.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 8, null, 8, 2, 6, 8, null, 6)]
    [InlineData(2, 12, null, 7, 1, 10, 12, null, 5)]
    [InlineData(3, null, 30, 7, 2, null, null, 20, 5)]
    [InlineData(1, 2, null, 6, 1, 1, 2, null, 4)]
    public void DeloadDose_OneSetFewer_RepsTwoBelowTheBottomUpToIt_Rpe2Lower(
        int sets, int? repsMin, int? seconds, int rpe, int deloadSets, int? deloadMin, int? deloadMax, int? deloadSeconds, int deloadRpe) =>
        Assert.Equal(new DeloadDose(deloadSets, deloadMin, deloadMax, deloadSeconds, deloadRpe), DeloadDose.Of(sets, repsMin, seconds, rpe));

    [Fact]
    public void EquipmentGone_FallsBackToTheNearestRungTheRunnerCanDo()
    {
        var next = Next(HipThrust, Has(Equipment.LoopBand), [Session(Monday, HipThrust, "barbell", [10, 10, 10], kg: 60, rpe: 8)]);
        Assert.Equal(ProgressionStep.EquipmentMissing, next.Step);
        Assert.Equal("banded", next.Variant.Slug);
        Assert.Equal("Barbell hip thrust needs a barbell and a bench, which you haven't listed: use Banded hip thrust, 3 x 8 reps", next.Reason);
    }

    [Fact]
    public void SingleLegWork_SaysEachLeg()
    {
        var next = Next(SplitSquat, Gym, [Session(Monday, SplitSquat, "dumbbells", [8, 8, 7], kg: 12, rpe: 8)]);
        Assert.Equal("last time 3 sets of 8, 8, 7 each leg at 12 kg at RPE 8: same load (12 kg), aim for 8 reps on every set, then keep adding reps up to 10", next.Reason);
    }

    [Fact]
    public void HillSprints_OnALadderNotNamedForLengths_FollowTheLoggedLength()
    {
        // Hill sprints on a single "hill" rung: the length comes from the log, the steps from the plan's HillSprintDose.
        var two = new LoggedStrengthSession(Monday, Enumerable.Repeat(new LoggedSet("hill-sprints", "hill", 0, seconds: 8), 2));
        var next = Next(HillSprints, Has(Equipment.Hill), [two]);
        Assert.Equal((ProgressionStep.AddReps, 3, 8), (next.Step, next.Sets, next.Seconds!.Value));
        Assert.Null(next.RepsMin);

        var tenOfTen = new LoggedStrengthSession(Monday, Enumerable.Repeat(new LoggedSet("hill-sprints", "hill", 0, seconds: 10), 10));
        var longer = Next(HillSprints, Has(Equipment.Hill), [tenOfTen]);
        Assert.Equal(("hill", 10, 12), (longer.Variant.Slug, longer.Sets, longer.Seconds!.Value));
    }

    [Fact]
    public void OtherExercisesInTheSession_AreIgnored()
    {
        var session = new LoggedStrengthSession(Monday,
        [
            new LoggedSet("squat", "bodyweight", 5, completed: false),
            new LoggedSet("hip-thrust", "barbell", 12, load: Mass.FromKilograms(60), effort: Rpe.FromRating(8)),
            new LoggedSet("hip-thrust", "barbell", 12, load: Mass.FromKilograms(60), effort: Rpe.FromRating(8)),
            new LoggedSet("hip-thrust", "barbell", 12, load: Mass.FromKilograms(60), effort: Rpe.FromRating(8)),
        ]);
        Assert.Equal(ProgressionStep.AddLoad, Next(HipThrust, Gym, [session]).Step);
    }

    [Theory]
    [InlineData(60, 0.05, 2.5, 62.5)]
    [InlineData(60, 0.10, 2.5, 65)]
    [InlineData(100, 0.05, 2.5, 105)]
    [InlineData(10, 0.05, 1, 11)]
    [InlineData(16, 0.05, 4, 20)]
    [InlineData(61, 0.05, 2.5, 65)]
    public void LoadSteps_Increase_RoundsToTheStepAndAddsAtLeastOne(double kg, double fraction, double step, double expected) =>
        Assert.Equal(expected, LoadSteps.Increase(Mass.FromKilograms(kg), fraction, Mass.FromKilograms(step), MassUnit.Kilograms).Kilograms, 9);

    [Theory]
    [InlineData(60, 2.5, 55.0)]
    [InlineData(100, 2.5, 90.0)]
    [InlineData(11, 1, 10.0)]
    [InlineData(1, 1, null)]
    public void LoadSteps_Decrease_About10PercentAtLeastOneStep(double kg, double step, double? expected) =>
        Assert.Equal(expected, LoadSteps.Decrease(Mass.FromKilograms(kg), 0.10, Mass.FromKilograms(step), MassUnit.Kilograms)?.Kilograms);

    [Theory]
    [InlineData(60, 55.0)]
    [InlineData(22.5, 20.0)]
    [InlineData(20.5, 20.0)]
    [InlineData(20, null)]
    [InlineData(15, null)]
    public void LoadSteps_Decrease_NeverBelowTheEmptyBar(double kg, double? expected)
    {
        var barbell = HipThrust.Progression[2];
        var lightest = LoadSteps.Lightest(barbell, MassUnit.Kilograms);

        Assert.Equal(20, lightest!.Value.Kilograms);
        Assert.Equal(expected, LoadSteps.Decrease(Mass.FromKilograms(kg), 0.10, LoadSteps.SmallestStep(barbell, MassUnit.Kilograms), MassUnit.Kilograms, lightest)?.Kilograms);
    }

    [Fact]
    public void LoadSteps_Lightest_TheEmptyBarOnlyForABarbell()
    {
        Assert.Equal(45, LoadSteps.Lightest(HipThrust.Progression[2], MassUnit.Pounds)!.Value.Pounds, 9);
        Assert.Equal(20, LoadSteps.Lightest(HipThrust.Progression[3], MassUnit.Kilograms)!.Value.Kilograms);
        Assert.Null(LoadSteps.Lightest(Squat.Progression[1], MassUnit.Kilograms));
        Assert.Equal(45, LoadSteps.Decrease(Mass.FromPounds(50), 0.10, Mass.FromPounds(5), MassUnit.Pounds, Mass.FromPounds(45))!.Value.Pounds, 9);
        Assert.Null(LoadSteps.Decrease(Mass.FromPounds(45), 0.10, Mass.FromPounds(5), MassUnit.Pounds, Mass.FromPounds(45)));
    }

    [Fact]
    public void LoadSteps_SmallestStep_ByEquipment()
    {
        Assert.Equal(2.5, LoadSteps.SmallestStep(HipThrust.Progression[2], MassUnit.Kilograms).Kilograms);
        Assert.Equal(1, LoadSteps.SmallestStep(Squat.Progression[1], MassUnit.Kilograms).Kilograms);
        Assert.Equal(5, LoadSteps.SmallestStep(HipThrust.Progression[2], MassUnit.Pounds).Pounds, 9);
        Assert.Equal(2.5, LoadSteps.SmallestStep(Squat.Progression[1], MassUnit.Pounds).Pounds, 9);
    }
}
