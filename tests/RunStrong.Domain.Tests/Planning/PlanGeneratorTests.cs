using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Tests.Planning;

public class PlanGeneratorTests
{
    private static readonly IReadOnlyList<Exercise> Catalogue = TestCatalogue.Exercises;

    private static Plan Generate(RunnerProfile profile, DateOnly? start = null) =>
        PlanGenerator.Generate(profile, Catalogue, start ?? profile.Start ?? TestCatalogue.IssueStart);

    private static RunnerProfile IssueProfile => TestCatalogue.IssueProfile;

    // ---- Calendar and phases ----------------------------------------------------------------------------------------

    [Fact]
    public void IssueExample_RunsFromStartToRaceDay_In19MondayWeeks()
    {
        var plan = Generate(IssueProfile);

        Assert.Equal(19, plan.Weeks.Count);
        Assert.Equal(TestCatalogue.IssueStart, plan.Days.First().Date);
        Assert.Equal(TestCatalogue.IssueRaceDay, plan.Days.Last().Date);
        Assert.Equal(PlannedRunType.Race, plan.Days.Last().Run!.Type);
        Assert.All(plan.Weeks, w => Assert.Equal(DayOfWeek.Monday, w.Days[0].Date.DayOfWeek));
        Assert.Equal(Enumerable.Range(1, 19), plan.Weeks.Select(w => w.Index));
        Assert.Equal(133, plan.Days.Count());
    }

    [Fact]
    public void IssueExample_Phases_BaseBuildPeakTaper()
    {
        var phases = Generate(IssueProfile).Weeks.Select(w => w.Phase).ToList();

        Assert.Equal(
            [.. Enumerable.Repeat(TrainingPhase.Base, 8), .. Enumerable.Repeat(TrainingPhase.Build, 7),
             TrainingPhase.Peak, TrainingPhase.Peak, TrainingPhase.Taper, TrainingPhase.Taper],
            phases);
    }

    [Fact]
    public void IssueExample_RunsComeFromTheProfileWeek_RestDaysHaveNoRun()
    {
        var plan = Generate(IssueProfile);

        var firstWeek = plan.Weeks[0].Days.Select(d => d.Run?.Type).ToList();
        Assert.Equal([null, PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Easy, null, PlannedRunType.Easy, PlannedRunType.Long], firstWeek);
    }

    [Fact]
    public void StartOnWednesday_FirstWeekIsShort_LaterWeeksStartOnMonday()
    {
        var start = new DateOnly(2026, 12, 9);
        var plan = Generate(IssueProfile with { Start = start });

        Assert.Equal(start, plan.Weeks[0].Days[0].Date);
        Assert.Equal(5, plan.Weeks[0].Days.Count);
        Assert.Equal(new DateOnly(2026, 12, 14), plan.Weeks[1].Days[0].Date);
        Assert.Equal(TestCatalogue.IssueRaceDay, plan.Days.Last().Date);
    }

    [Fact]
    public void NoRace_TwelveWeeksBaseThenBuild_EndingOnSunday()
    {
        var plan = Generate(IssueProfile with { Race = null, Weeks = 12 });

        Assert.Equal(12, plan.Weeks.Count);
        Assert.Equal(DayOfWeek.Sunday, plan.Days.Last().Date.DayOfWeek);
        Assert.Equal(TestCatalogue.IssueStart.AddDays((12 * 7) - 1), plan.Days.Last().Date);
        Assert.Equal(
            [.. Enumerable.Repeat(TrainingPhase.Base, 6), .. Enumerable.Repeat(TrainingPhase.Build, 6)],
            plan.Weeks.Select(w => w.Phase));
        Assert.DoesNotContain(plan.Days, d => d.Run?.Type == PlannedRunType.Race);
    }

    [Fact]
    public void RaceOnWednesday_LastWeekEndsOnRaceDay()
    {
        var race = new DateOnly(2027, 3, 3);
        var plan = Generate(IssueProfile with { Race = new GoalRace { DistanceMetres = 5000, Date = race } });

        Assert.Equal(race, plan.Days.Last().Date);
        Assert.Equal(3, plan.Weeks[^1].Days.Count);
        Assert.Equal(PlannedRunType.Race, plan.Days.Last().Run!.Type);
    }

    [Fact]
    public void InvalidProfile_Throws()
    {
        var noRunning = IssueProfile with { Week = RunningWeek.FromMonday(PlannedRunType.Rest, PlannedRunType.Rest, PlannedRunType.Rest, PlannedRunType.Rest, PlannedRunType.Rest, PlannedRunType.Rest, PlannedRunType.Rest) };

        var error = Assert.Throws<ArgumentException>(() => Generate(noRunning));
        Assert.Contains("week: no running day", error.Message, StringComparison.Ordinal);
    }

    // ---- Strength placement ---------------------------------------------------------------------------------------

    [Fact]
    public void IssueExample_StrengthTuesdayAfterQualityAndFriday_HillSprintsThursday()
    {
        // The issue's sample runner trains at home only: hill sprints no longer need "outdoors" (issue 12), so Thursday's easy
        // run takes them and the second strength session moves to Friday (not the day before the hill sprints).
        var plan = Generate(IssueProfile);

        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], plan.Weeks[0].StrengthWeekdays());
        var tuesday = plan.Weeks[0].Days[1].Session(SessionKind.Strength)!;
        Assert.StartsWith("Tuesday: after your quality run, hard days hard (ideally 6 h or more after it); 5 days before Sunday's long run.", tuesday.Reason);
        var friday = plan.Weeks[0].Days[4].Session(SessionKind.Strength)!;
        Assert.StartsWith("Friday: a rest day from running; 2 days before Sunday's long run.", friday.Reason);
        Assert.NotNull(plan.Weeks[0].Days[3].Session(SessionKind.HillSprints));
    }

    [Fact]
    public void QualityTuesdayAndThursday_LongSunday_StrengthAfterBothQualityRuns()
    {
        var week = RunningWeek.FromMonday(PlannedRunType.Easy, PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Quality, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Long);

        var plan = Generate(IssueProfile with { Week = week });

        Assert.All(plan.Weeks.Where(w => w.Phase != TrainingPhase.Taper), w => Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], w.StrengthWeekdays()));
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("least bad slot:", StringComparison.Ordinal));
        // Every easy run is the day before a hard run or the day after strength: the hill sprints take the least bad one.
        Assert.True(plan.WarnsAboutWeek(1, "least bad slot for the hill sprints: Saturday"));
    }

    [Fact]
    public void EveryDayHard_GetsWarningAndTheLeastBadSlots()
    {
        var week = RunningWeek.FromMonday(PlannedRunType.Quality, PlannedRunType.Quality, PlannedRunType.Long, PlannedRunType.Quality, PlannedRunType.Quality, PlannedRunType.Quality, PlannedRunType.Long);

        var plan = Generate(IssueProfile with { Week = week, Race = null, Weeks = 8 });

        // The least bad days are those before a long run (Tuesday, Saturday), both after a quality run.
        Assert.All(plan.Weeks, w => Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Saturday], w.StrengthWeekdays()));
        var warning = Assert.Single(plan.Warnings, w => w.Contains("least bad slot: Tuesday", StringComparison.Ordinal));
        Assert.Equal(
            "Weeks 1–8: no day this week leaves 24 h before the next long run, quality run or race for a strength session; least bad slot: Tuesday, the day before Wednesday's long run. Keep it light, or swap a run",
            warning);
        Assert.Contains(plan.Warnings, w => w.StartsWith("Weeks 1–8:", StringComparison.Ordinal) && w.Contains("least bad slot: Saturday, the day before Sunday's long run", StringComparison.Ordinal));
        var reason = plan.Weeks[0].Days[1].Session(SessionKind.Strength)!.Reason;
        Assert.StartsWith("Tuesday: least bad slot this week, after your quality run; it is the day before Wednesday's long run: keep it light.", reason);
    }

    [Fact]
    public void OnlyOneLegalDay_SecondSessionGoesToTheLeastBadSlotWithAWarning()
    {
        // Only Thursday (before a rest day) is clear of the next day's hard run.
        var week = RunningWeek.FromMonday(PlannedRunType.Quality, PlannedRunType.Quality, PlannedRunType.Long, PlannedRunType.Quality, PlannedRunType.Rest, PlannedRunType.Quality, PlannedRunType.Long);

        var plan = Generate(IssueProfile with { Week = week, Race = null, Weeks = 4 });

        Assert.All(plan.Weeks, w => Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], w.StrengthWeekdays()));
        Assert.Contains(
            "Weeks 1–4: no day this week leaves 24 h before the next long run, quality run or race for the second strength session; least bad slot: Tuesday, the day before Wednesday's long run. Keep it light, or swap a run",
            plan.Warnings);
    }

    [Fact]
    public void PreferredDays_WhenLegal_AreHonoured_EvenAtTheCostOfTheWeeksHillSprints()
    {
        var plan = Generate(IssueProfile with { StrengthDays = [DayOfWeek.Wednesday, DayOfWeek.Friday] });

        Assert.All(plan.Weeks.Where(w => w.Phase != TrainingPhase.Taper), w => Assert.Equal([DayOfWeek.Wednesday, DayOfWeek.Friday], w.StrengthWeekdays()));
        Assert.StartsWith("Friday: your preferred strength day, a rest day from running; 2 days before Sunday's long run.",
            plan.Weeks[0].Days[4].Session(SessionKind.Strength)!.Reason);
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("Preferred", StringComparison.Ordinal));
        // Thursday follows Wednesday's strength and Saturday precedes the long run: no day is left for hill sprints, and the plan says so.
        Assert.DoesNotContain(plan.Sessions(SessionKind.HillSprints), s => s.Week.Phase != TrainingPhase.Taper);
        Assert.True(plan.WarnsAboutWeek(1, "so no hill sprints this week"));
    }

    [Fact]
    public void AWeekWithNoClearEasyRun_StillHasHillSprints_InTheLeastBadSlot_AndSaysSo()
    {
        // Quality Tuesday and Thursday, easy Wednesday and Saturday, long Sunday: every easy run is the day before a hard
        // run. Before, no week but the taper had hill sprints; now they follow Saturday's easy run (the long run is easy
        // paced) rather than Wednesday's (Thursday is a quality run).
        var week = RunningWeek.FromMonday(PlannedRunType.Rest, PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Quality, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Long);
        var plan = Generate(IssueProfile with { Week = week });

        var weeks = plan.Weeks.Where(w => w.Phase != TrainingPhase.Taper).ToList();
        Assert.All(weeks, w => Assert.Equal([DayOfWeek.Saturday], w.Days.Where(d => d.Session(SessionKind.HillSprints) is not null).Select(d => d.Date.DayOfWeek)));
        Assert.True(plan.WarnsAboutWeek(1, "least bad slot for the hill sprints: Saturday, after the easy run, the day before Sunday's long run"));
        Assert.Contains(", the least bad slot this week: keep them relaxed-fast.", weeks[0].Days[5].Session(SessionKind.HillSprints)!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PreferredDay_BeforeTheLongRun_IsRefusedWithAWarning()
    {
        var plan = Generate(IssueProfile with { StrengthDays = [DayOfWeek.Saturday, DayOfWeek.Thursday] });

        Assert.Contains(
            "Preferred strength day Saturday is the day before your Sunday long run: strength within 24 h before it would leave your legs heavy (hard days hard), so the plan uses other days.",
            plan.Warnings);
        Assert.DoesNotContain(plan.Sessions(SessionKind.Strength), s => s.Day.Date.DayOfWeek == DayOfWeek.Saturday);
        Assert.All(plan.Weeks.Where(w => w.Phase != TrainingPhase.Taper), w => Assert.Contains(DayOfWeek.Thursday, w.StrengthWeekdays()));
    }

    [Fact]
    public void BaseBuildAndPeakWeeks_HaveTwoStrengthSessions_TaperWeeksAtMostOne()
    {
        var plan = Generate(IssueProfile);

        Assert.All(plan.Weeks.Where(w => w.Phase != TrainingPhase.Taper), w => Assert.Equal(2, w.StrengthWeekdays().Count));
        Assert.All(plan.Weeks.Where(w => w.Phase == TrainingPhase.Taper), w => Assert.True(w.StrengthWeekdays().Count <= 1));
    }

    [Fact]
    public void NoStrengthOrHillsInTheLastFiveDaysBeforeTheRace()
    {
        var outdoors = IssueProfile with { Locations = [Location.Home, Location.Outdoors] };
        var plan = Generate(outdoors);

        var heavy = plan.Days.Where(d => d.Sessions.Any(s => s.Kind is SessionKind.Strength or SessionKind.HillSprints)).Select(d => d.Date);
        Assert.All(heavy, d => Assert.True(d < TestCatalogue.IssueRaceDay.AddDays(-5), $"{d} is within 5 days of the race"));
    }

    [Fact]
    public void Taper_CutsWeeklyStrengthSetsByAbout40To60Percent_KeepsEffortAndExercises()
    {
        var plan = Generate(IssueProfile);
        var build = plan.Weeks.Last(w => w.Phase == TrainingPhase.Build && !w.Deload);
        var taper = plan.Weeks.First(w => w.Phase == TrainingPhase.Taper);

        var ratio = (double)taper.StrengthSets() / build.StrengthSets();

        Assert.InRange(ratio, 0.4, 0.6);
        var taperSession = plan.Sessions(SessionKind.Strength).First(s => s.Week == taper).Session;
        var buildSession = plan.Sessions(SessionKind.Strength).First(s => s.Week == build).Session;
        Assert.Equal(buildSession.Exercises.Select(e => (e.Slug, e.Variant, e.Rpe, e.RepsMin, e.RepsMax)), taperSession.Exercises.Select(e => (e.Slug, e.Variant, e.Rpe, e.RepsMin, e.RepsMax)));
        Assert.Contains("Taper: one session, about half the weekly sets, same effort (Bosquet 2007).", taperSession.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RaceWeek_WithNoSlotOutsideTheLastFiveDays_HasNoStrength()
    {
        // Race Sunday: only Monday is before the last 5 days, and Monday precedes Tuesday's quality run.
        var plan = Generate(IssueProfile);

        Assert.Empty(plan.Weeks[^1].StrengthWeekdays());
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("taper", StringComparison.Ordinal));
    }

    [Fact]
    public void ATaperWeekWithoutHillSprints_SaysWhy_ExceptTheRaceWeek()
    {
        // Every easy run is the day before a hard one (Tuesday and Thursday quality, Sunday long), so a taper week has no
        // clean slot for hill sprints and gets no least bad one; it says so now (an audit found them gone from taper weeks
        // without a word). Other weeks get the least bad slot with their own warning.
        var week = RunningWeek.FromMonday(PlannedRunType.Easy, PlannedRunType.Quality, PlannedRunType.Easy, PlannedRunType.Quality, PlannedRunType.Rest, PlannedRunType.Easy, PlannedRunType.Long);
        var plan = Generate(IssueProfile with { Week = week });

        var taper = plan.Weeks.Where(w => w.Phase == TrainingPhase.Taper && w.Days.All(d => d.Run?.Type != PlannedRunType.Race)).ToList();
        Assert.NotEmpty(taper);
        Assert.All(taper, w =>
        {
            Assert.DoesNotContain(w.Days, d => d.Session(SessionKind.HillSprints) is not null);
            Assert.True(plan.WarnsAboutWeek(w.Index, "so no hill sprints: in a taper, fresh legs on race day come first"), $"week {w.Index} says why it has no hill sprints");
        });
        Assert.False(plan.WarnsAboutWeek(plan.Weeks[^1].Index, "in a taper, fresh legs"));
    }

    [Fact]
    public void EarlierTaperWeek_WithNoLegalSlot_HasNoStrengthAndSaysWhy()
    {
        // Every day but Thursday precedes a hard run; a race on Wednesday puts Thursday 6 days out of reach in taper week 1.
        var week = RunningWeek.FromMonday(PlannedRunType.Quality, PlannedRunType.Quality, PlannedRunType.Long, PlannedRunType.Quality, PlannedRunType.Quality, PlannedRunType.Quality, PlannedRunType.Long);
        var race = new DateOnly(2027, 3, 10);

        var plan = Generate(IssueProfile with { Week = week, Race = new GoalRace { DistanceMetres = 5000, Date = race } });

        var taper = plan.Weeks.Where(w => w.Phase == TrainingPhase.Taper).ToList();
        Assert.All(taper, w => Assert.Empty(w.StrengthWeekdays()));
        Assert.Contains(plan.Warnings, w => w.StartsWith($"Week {taper[0].Index}: taper: no strength session, because every free day is the day before a long run, quality run or race", StringComparison.Ordinal));
    }

    // ---- Deload and progression -----------------------------------------------------------------------------------

    [Fact]
    public void DeloadWeeks_EveryFourthWeekInBaseAndBuild()
    {
        var plan = Generate(IssueProfile);

        Assert.Equal([4, 8, 12], plan.Weeks.Where(w => w.Deload).Select(w => w.Index));
    }

    [Fact]
    public void DeloadWeek_CutsSetsAndRepsRaisesRepsInReserve_KeepsExercisesAndFrequency()
    {
        var plan = Generate(IssueProfile);
        var before = plan.Weeks[2];
        var deload = plan.Weeks[3];

        Assert.Equal(before.StrengthWeekdays(), deload.StrengthWeekdays());
        var normal = plan.Sessions(SessionKind.Strength).Where(s => s.Week == before).Select(s => s.Session).ToList();
        var light = plan.Sessions(SessionKind.Strength).Where(s => s.Week == deload).Select(s => s.Session).ToList();
        for (var i = 0; i < normal.Count; i++)
        {
            Assert.Equal(normal[i].Exercises.Select(e => e.Slug), light[i].Exercises.Select(e => e.Slug));
            foreach (var (n, l) in normal[i].Exercises.Zip(light[i].Exercises))
            {
                Assert.Equal(n.Sets - 1, l.Sets);
                Assert.Equal(n.Rpe - 2, l.Rpe);
                Assert.True(l.RepsMax < n.RepsMax);
                Assert.Equal(n.Variant, l.Variant);
            }

            Assert.Contains("Deload week", light[i].Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DeloadWeek_PlanAndProgressionEngine_PrescribeTheSameDose()
    {
        // A regular lifter (RPE 8 in a normal week, the engine's RPE while repeating): the plan's deload week and what
        // `runstrong next` gives in that week after the week before was logged as planned must be the same (DeloadDose).
        var profile = IssueProfile with { Experience = StrengthExperience.Regular };
        var plan = Generate(profile);
        var before = plan.Sessions(SessionKind.Strength).Where(s => s.Week.Index == 3).ToList();
        var light = plan.Sessions(SessionKind.Strength).First(s => s.Week.Index == 4);

        Assert.Contains(light.Session.Exercises, e => e.RepsMin is not null);
        foreach (var planned in light.Session.Exercises.Where(e => e.RepsMin is not null))
        {
            var exercise = Catalogue.Single(e => e.Slug == planned.Slug);
            var (day, normal) = before.SelectMany(b => b.Session.Exercises.Select(e => (b.Day.Date, Exercise: e))).Last(x => x.Exercise.Slug == planned.Slug);
            var logged = new LoggedStrengthSession(day, Enumerable.Range(0, normal.Sets)
                .Select(_ => new LoggedSet(normal.Slug, normal.Variant, normal.RepsMin!.Value, load: Mass.FromKilograms(40), effort: Rpe.FromRating(8))));

            var next = ProgressionRules.Next(new ProgressionRequest
            {
                Exercise = exercise,
                AvailableEquipment = profile.AvailableEquipment.ToHashSet(),
                History = [logged],
                DeloadWeek = true,
                Experience = profile.Experience,
            });

            Assert.Equal((planned.Sets, planned.RepsMin, planned.RepsMax, (double)planned.Rpe!.Value), (next.Sets, next.RepsMin, next.RepsMax, next.TargetRpe));
            Assert.Equal(normal.RepsMin, planned.RepsMax);
            Assert.Equal(normal.Sets - 1, planned.Sets);
        }
    }

    [Fact]
    public void Beginner_StartsOnBodyweight_AndMovesToTheBandAfterTheFirstDeload()
    {
        var plan = Generate(IssueProfile);

        var hipThrust = plan.Sessions(SessionKind.Strength)
            .SelectMany(s => s.Session.Exercises.Where(e => e.Slug == "hip-thrust").Select(e => (s.Week.Index, e.Variant)))
            .ToList();
        Assert.NotEmpty(hipThrust);
        Assert.All(hipThrust.Where(x => x.Index <= 4), x => Assert.Equal("bodyweight", x.Variant));
        Assert.All(hipThrust.Where(x => x.Index >= 5), x => Assert.Equal("band", x.Variant));
        var week5 = plan.Sessions(SessionKind.Strength).First(s => s.Week.Index == 5 && s.Session.Exercises.Any(e => e.Slug == "hip-thrust"));
        Assert.Contains("Next rung: hip-thrust -> band", week5.Session.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SomeExperience_StartsOnTheBand()
    {
        var plan = Generate(IssueProfile with { Experience = StrengthExperience.Some });

        var first = plan.Sessions(SessionKind.Strength).First().Session.Exercises.Single(e => e.Slug == "hip-thrust");
        Assert.Equal("band", first.Variant);
        Assert.Equal(7, first.Rpe);
    }

    [Fact]
    public void RegularLifterInAGym_StartsOnTheHeaviestRungTheirEquipmentAllows()
    {
        var profile = IssueProfile with
        {
            Experience = StrengthExperience.Regular,
            Locations = [Location.Gym],
            Equipment = [Equipment.Barbell, Equipment.Bench, Equipment.LoopBand, Equipment.Dumbbell],
        };

        var plan = Generate(profile);

        var first = plan.Sessions(SessionKind.Strength).First().Session.Exercises.Single(e => e.Slug == "hip-thrust");
        Assert.Equal("barbell-plus-band", first.Variant);
        Assert.Equal(8, first.Rpe);
    }

    [Fact]
    public void SoreArea_StartsOneRungEasierAndWarns()
    {
        var profile = IssueProfile with { Experience = StrengthExperience.Some, Soreness = [Muscle.GluteusMaximus] };

        var plan = Generate(profile);

        var first = plan.Sessions(SessionKind.Strength).First().Session.Exercises.Single(e => e.Slug == "hip-thrust");
        Assert.Equal("bodyweight", first.Variant);
        Assert.Contains(plan.Warnings, w => w.StartsWith("You reported soreness in gluteus-maximus", StringComparison.Ordinal));
    }

    // ---- Exercise choice ------------------------------------------------------------------------------------------

    [Fact]
    public void EverySession_CoversHipExtensionAndAbduction_EveryWeekSingleLegWork_With2To4Exercises()
    {
        var plan = Generate(IssueProfile);

        Assert.All(plan.Sessions(SessionKind.Strength), s =>
        {
            var exercises = s.Session.Exercises.Select(e => Catalogue.Exercise(e.Slug)).ToList();
            Assert.InRange(exercises.Count, 2, 4);
            Assert.Contains(exercises, e => e.Trains(JointAction.HipExtension));
            Assert.Contains(exercises, e => e.Trains(JointAction.HipAbduction) || e.Trains(JointAction.HipExternalRotation));
            Assert.All(s.Session.Exercises, e =>
            {
                Assert.NotNull(e.RepsMin);
                Assert.InRange(e.Rpe!.Value, 5, 8);
                Assert.True(e.RestSeconds > 0);
            });
        });

        // domain.md §1: "a week of glute work should cover both jobs ... with at least one single-leg exercise".
        Assert.All(plan.Weeks.Where(w => w.StrengthWeekdays().Count > 0), w =>
        {
            var exercises = plan.Sessions(SessionKind.Strength).Where(s => s.Week == w).SelectMany(s => s.Session.Exercises).Select(e => Catalogue.Exercise(e.Slug)).ToList();
            Assert.Contains(exercises, e => e.SingleLeg && (e.Trains(JointAction.HipExtension) || e.Trains(JointAction.KneeExtension)));
            Assert.Contains(exercises, e => e.PrimaryMuscles.Contains(Muscle.GluteusMinimus));
        });
    }

    [Fact]
    public void TheTwoWeeklySessions_AreTheSeedsFiveExercises()
    {
        var week = Generate(IssueProfile).Weeks[0];

        var sessions = week.Days.Select(d => d.Session(SessionKind.Strength)).OfType<PlanSession>().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(["hip-thrust", "bulgarian-split-squat", "fire-hydrant"], sessions[0].Exercises.Select(e => e.Slug));
        Assert.Equal(["squat", "glute-bridge", "side-lying-hip-abduction"], sessions[1].Exercises.Select(e => e.Slug));
    }

    [Fact]
    public void HomeRunnerWithOnlyALoopBand_NeverGetsBarbellOrDumbbellVariants()
    {
        var plan = Generate(IssueProfile with { Experience = StrengthExperience.Regular });

        // The hill sprints' "hill" is the runner's own hill (or treadmill, stairs, ramp): only strength and drills need kit.
        var all = plan.Days.SelectMany(d => d.Sessions).Where(s => s.Kind != SessionKind.HillSprints).SelectMany(s => s.Exercises).ToList();
        Assert.NotEmpty(all);
        Assert.All(all, e =>
        {
            var variant = Catalogue.Exercise(e.Slug).Progression.Single(v => v.Slug == e.Variant);
            Assert.All(variant.Equipment, q => Assert.Contains(q, new[] { Equipment.None, Equipment.LoopBand }));
            Assert.DoesNotContain("barbell", e.Variant, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(all, e => e.Slug == "cable-kickback");
    }

    [Fact]
    public void NoUsableAbductionExercise_WarnsOnce()
    {
        var noAbduction = Catalogue.Where(e => !e.Trains(JointAction.HipAbduction) && !e.Trains(JointAction.HipExternalRotation)).ToList();

        var plan = PlanGenerator.Generate(IssueProfile, noAbduction, TestCatalogue.IssueStart);

        Assert.Single(plan.Warnings, w => w.StartsWith("No hip abduction or rotation (gluteus medius) exercise fits your equipment (none, loop-band) and places (home)", StringComparison.Ordinal));
        Assert.All(plan.Sessions(SessionKind.Strength), s => Assert.InRange(s.Session.Exercises.Count, 2, 4));
    }

    [Fact]
    public void EmptyCatalogue_PlanHasRunsOnlyAndSaysWhy()
    {
        var plan = PlanGenerator.Generate(IssueProfile, [], TestCatalogue.IssueStart);

        Assert.All(plan.Days, d => Assert.Empty(d.Sessions));
        Assert.Contains(plan.Warnings, w => w.StartsWith("No strength exercise in the catalogue fits", StringComparison.Ordinal));
        Assert.Equal(TestCatalogue.IssueRaceDay, plan.Days.Last().Date);
    }

    // ---- Drills ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Drills_BeforeEveryQualityRunAndTheRace_AndNowhereElse()
    {
        var plan = Generate(IssueProfile);

        foreach (var day in plan.Days)
        {
            var hard = day.Run?.Type is PlannedRunType.Quality or PlannedRunType.Race;
            var drills = day.Session(SessionKind.Drills);
            Assert.Equal(hard, drills is not null);
            if (drills is not null)
            {
                Assert.Same(drills, day.Sessions[0]);
                Assert.Equal("strides", drills.Exercises[^1].Slug);
                Assert.Equal("leg-swings", drills.Exercises[0].Slug);
            }
        }

        Assert.StartsWith("Before the race: jog easy 5–10 min", plan.Days.Last().Session(SessionKind.Drills)!.Reason);
        Assert.StartsWith("Before your quality run:", plan.Weeks[0].Days[1].Session(SessionKind.Drills)!.Reason);
    }

    [Fact]
    public void Drills_NeedingABand_OnlyForRunnersWithOne()
    {
        var noBand = Generate(IssueProfile with { Equipment = [Equipment.None] });
        var band = Generate(IssueProfile);

        Assert.DoesNotContain(noBand.Sessions(SessionKind.Drills), s => s.Session.Exercises.Any(e => e.Slug == "banded-glute-activation"));
        Assert.Contains(band.Sessions(SessionKind.Drills), s => s.Session.Exercises.Any(e => e.Slug == "banded-glute-activation"));
    }

    // ---- Hill sprints ---------------------------------------------------------------------------------------------

    [Fact]
    public void HomeRunner_GetsHillSprints_WithoutOutdoorsOrAHill()
    {
        var plan = Generate(IssueProfile);

        Assert.NotEmpty(plan.Sessions(SessionKind.HillSprints));
        Assert.DoesNotContain(plan.Warnings, w => w.StartsWith("No hill sprints", StringComparison.Ordinal));
        Assert.All(plan.Sessions(SessionKind.HillSprints), h => Assert.Contains("uphill, near all-out, on a", h.Session.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HillAccess.Treadmill, "on a treadmill at 6–8 % incline, a hill's grade", "No hill near your runs: the hill sprints are on a treadmill")]
    [InlineData(HillAccess.None, "up stairs or a short steep ramp", "No hill or treadmill: the hill sprints go up stairs")]
    public void NoHill_HillSprintsTakeTheAlternative_WithItsReason(HillAccess hills, string where, string note)
    {
        var plan = Generate(IssueProfile with { Hills = hills });

        var first = plan.Sessions(SessionKind.HillSprints).First().Session;
        Assert.Contains(where, first.Reason, StringComparison.Ordinal);
        Assert.Contains("(Hudson 2008)", first.Reason, StringComparison.Ordinal);
        Assert.Single(plan.Warnings, w => w.StartsWith(note, StringComparison.Ordinal));
    }


    [Fact]
    public void IssueWeekOutdoors_StrengthTuesdayAndFriday_HillSprintsThursdayAfterTheEasyRun()
    {
        var plan = Generate(IssueProfile with { Locations = [Location.Home, Location.Outdoors] });

        var week = plan.Weeks[0];
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], week.StrengthWeekdays());
        var thursday = week.Days[3];
        Assert.Equal(PlannedRunType.Easy, thursday.Run!.Type);
        var hills = thursday.Session(SessionKind.HillSprints)!;
        Assert.StartsWith("Thursday: after your easy run; 3 days before Sunday's long run. 1 × 8 s uphill, near all-out, on a 6–8 % slope", hills.Reason);
    }

    [Fact]
    public void HillSprints_OnlyOnEasyDays_NeverTheDayBeforeAHardRun_NorTheDayAfterStrength()
    {
        var plan = Generate(IssueProfile with { Locations = [Location.Outdoors], Experience = StrengthExperience.Some });

        var hills = plan.Sessions(SessionKind.HillSprints).ToList();
        Assert.NotEmpty(hills);
        Assert.All(hills, h =>
        {
            Assert.Equal(PlannedRunType.Easy, h.Day.Run!.Type);
            Assert.DoesNotContain(plan.RunOn(h.Day.Date.AddDays(1)), new PlannedRunType?[] { PlannedRunType.Long, PlannedRunType.Quality, PlannedRunType.Race });
            var dayBefore = plan.Days.FirstOrDefault(d => d.Date == h.Day.Date.AddDays(-1));
            Assert.True(dayBefore is null || dayBefore.Session(SessionKind.Strength) is null);
        });
        Assert.All(plan.Weeks, w => Assert.True(w.Days.Count(d => d.Session(SessionKind.HillSprints) is not null) <= 2));
    }

    [Fact]
    public void HillSprints_ProgressWeekByWeek_HoldInDeloads()
    {
        // 12 weeks without a race, experienced enough for +2 reps a week; deloads in weeks 4, 8, 12.
        var profile = IssueProfile with { Race = null, Weeks = 12, Locations = [Location.Outdoors], Experience = StrengthExperience.Some };

        var doses = Generate(profile).Sessions(SessionKind.HillSprints)
            .Select(s => (s.Week.Index, s.Session.Exercises[0].Sets, s.Session.Exercises[0].Seconds!.Value)).ToList();

        Assert.Equal(
            [(1, 2, 8), (2, 4, 8), (3, 6, 8), (4, 6, 8), (5, 8, 8), (6, 8, 10), (7, 10, 10), (8, 10, 10), (9, 10, 12), (10, 12, 12), (11, 12, 12), (12, 12, 12)],
            doses);
    }

    [Fact]
    public void HillSprints_TaperIsOneMaintenanceSessionOfAtMostTen()
    {
        var profile = IssueProfile with { Locations = [Location.Outdoors], Experience = StrengthExperience.Regular };
        var plan = Generate(profile);

        var taper = plan.Sessions(SessionKind.HillSprints).Where(s => s.Week.Phase == TrainingPhase.Taper).ToList();
        var lastBefore = plan.Sessions(SessionKind.HillSprints).Last(s => s.Week.Phase != TrainingPhase.Taper).Session.Exercises[0];

        Assert.NotEmpty(taper);
        Assert.All(taper, t =>
        {
            Assert.InRange(t.Session.Exercises[0].Sets, 1, HillSprintDose.MaintenanceMaxReps);
            Assert.True(t.Session.Exercises[0].Sets <= lastBefore.Sets);
            Assert.Contains("Taper: maintenance", t.Session.Reason, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(1, 8, 1, 2, 8)]
    [InlineData(2, 8, 2, 4, 8)]
    [InlineData(7, 8, 1, 8, 8)]
    [InlineData(8, 8, 2, 8, 10)]
    [InlineData(9, 8, 1, 9, 10)]
    [InlineData(8, 10, 2, 10, 10)]
    [InlineData(10, 10, 2, 10, 12)]
    [InlineData(11, 12, 2, 12, 12)]
    [InlineData(12, 12, 2, 12, 12)]
    public void HillSprintDose_Next_FollowsHudson(int reps, int seconds, int increment, int nextReps, int nextSeconds) =>
        Assert.Equal(new HillSprintDose(nextReps, nextSeconds), new HillSprintDose(reps, seconds).Next(increment));

    [Fact]
    public void HillSprintDose_StartsSmall_MaintenanceCapsAtTen()
    {
        Assert.Equal(new HillSprintDose(1, 8), HillSprintDose.Start(StrengthExperience.None));
        Assert.Equal(new HillSprintDose(2, 8), HillSprintDose.Start(StrengthExperience.Regular));
        Assert.Equal(new HillSprintDose(10, 12), new HillSprintDose(12, 12).Maintenance());
        Assert.Equal(new HillSprintDose(4, 8), new HillSprintDose(4, 8).Maintenance());
    }

    // ---- Determinism and JSON -------------------------------------------------------------------------------------

    [Fact]
    public void SameInput_SamePlan()
    {
        var profile = IssueProfile with { Locations = [Location.Outdoors, Location.Home] };

        Assert.Equal(PlanJson.Serialize(Generate(profile)), PlanJson.Serialize(Generate(profile)));
    }

    [Fact]
    public void Generate_StartArgumentOverridesProfileStart()
    {
        var plan = PlanGenerator.Generate(IssueProfile, Catalogue, new DateOnly(2026, 12, 14));

        Assert.Equal(new DateOnly(2026, 12, 14), plan.Days.First().Date);
    }

    [Fact]
    public void Generate_WithoutStart_UsesToday()
    {
        var today = new DateOnly(2026, 12, 1);
        var plan = PlanGenerator.Generate(IssueProfile with { Start = null }, Catalogue, null, today);

        Assert.Equal(today, plan.Days.First().Date);
    }
}
