using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Load;
using RunStrong.Domain.Training;
using static RunStrong.Domain.Tests.Training.TestLog;

namespace RunStrong.Domain.Tests.Load;

public class LoadTests
{
    [Theory]
    [InlineData(6, 45, 270)]
    [InlineData(8, 60, 480)]
    [InlineData(3, 30, 90)]
    public void Foster_SessionLoad_IsRpeTimesMinutes(double rpe, double minutes, double load) =>
        Assert.Equal(load, Foster.SessionLoad(rpe, minutes));

    [Fact]
    public void SessionLoad_FromRunAndStrengthSession()
    {
        var run = new LoggedRun(Monday, 10000, TimeSpan.FromMinutes(50), RunType.Easy, rpe: 4);
        Assert.Equal(200, SessionLoad.From(run)!.Load);
        Assert.Null(SessionLoad.From(new LoggedRun(Monday, 10000, TimeSpan.FromMinutes(50), RunType.Easy)));

        var strength = new LoggedStrengthSession(Monday, [new LoggedSet("hip-thrust", "bodyweight", 12)], duration: TimeSpan.FromMinutes(30), sessionRpe: 6);
        Assert.Equal(180, SessionLoad.From(strength)!.Load);
    }

    [Fact]
    public void DailySeries_SumsEachDayAndFillsRestDaysWithZero()
    {
        var sessions = new[]
        {
            new SessionLoad(Monday, 40, 5),
            new SessionLoad(Monday, 30, 6),
            new SessionLoad(Monday.AddDays(2), 60, 7),
            new SessionLoad(Monday.AddDays(9), 60, 7),
        };

        var series = Foster.DailySeries(sessions, Monday, Monday.AddDays(3));

        Assert.Equal([380, 0, 420, 0], series.Select(d => d.Load));
        Assert.Equal(Monday.AddDays(3), series[^1].Date);
    }

    [Fact]
    public void Monotony_MeanOverPopulationSd_AndStrain()
    {
        var week = Foster.Monotony(Monday, [300, 0, 400, 0, 500, 0, 200]);

        Assert.Equal(1400, week.WeeklyLoad);
        Assert.Equal(200, week.MeanDailyLoad);
        Assert.Equal(192.7248, week.StandardDeviation, 4);
        Assert.Equal(1.0377, week.Monotony!.Value, 4);
        Assert.Equal(1452.85, week.Strain!.Value, 2);
        Assert.Null(week.Note);
    }

    [Fact]
    public void Monotony_FromSessions_SumsEachDayFirst_AndStrainIsWeeklyLoadTimesMonotony()
    {
        // Monday: a 50-minute run at RPE 4 (200 AU) and 30 minutes of strength at RPE 6 (180 AU); Wednesday 60 min at 7
        // (420); Saturday 90 min at 5 (450); next Monday's run is outside the week.
        var sessions = new[]
        {
            SessionLoad.From(new LoggedRun(Monday, 10000, TimeSpan.FromMinutes(50), RunType.Easy, rpe: 4))!,
            new SessionLoad(Monday, 30, 6),
            new SessionLoad(Monday.AddDays(2), 60, 7),
            new SessionLoad(Monday.AddDays(5), 90, 5),
            new SessionLoad(Monday.AddDays(7), 60, 8),
        };

        var week = Foster.Monotony(sessions, Monday);

        // Daily 380, 0, 420, 0, 0, 450, 0: mean 178.5714, population SD 207.0492.
        Assert.Equal(1250, week.WeeklyLoad);
        Assert.Equal(178.5714, week.MeanDailyLoad, 4);
        Assert.Equal(207.0492, week.StandardDeviation, 4);
        Assert.Equal(0.8625, week.Monotony!.Value, 4);
        Assert.Equal(1078.07, week.Strain!.Value, 2);
    }

    [Fact]
    public void Monotony_SameLoadEveryDay_IsUndefinedAndSaysWhy()
    {
        var week = Foster.Monotony(Monday, [300, 300, 300, 300, 300, 300, 300]);
        Assert.Null(week.Monotony);
        Assert.Null(week.Strain);
        Assert.Equal(2100, week.WeeklyLoad);
        Assert.Equal("every day had the same load, so monotony is undefined (no day-to-day variation at all): vary hard and easy days", week.Note);

        var rest = Foster.Monotony([], Monday);
        Assert.Null(rest.Monotony);
        Assert.Equal("no training load this week, so there is no monotony to show", rest.Note);
    }

    [Theory]
    [InlineData(60, 150, 50, 190, TrimpWeighting.Men, 108.10)]
    [InlineData(60, 150, 50, 190, TrimpWeighting.Women, 121.50)]
    [InlineData(45, 140, 60, 180, TrimpWeighting.Men, 69.06)]
    [InlineData(45, 140, 60, 180, TrimpWeighting.Women, 78.55)]
    [InlineData(30, 120, 60, 200, TrimpWeighting.Men, 18.74)]
    [InlineData(30, 120, 60, 200, TrimpWeighting.Women, 22.62)]
    public void Trimp_Banister(double minutes, double average, double rest, double max, TrimpWeighting weighting, double expected) =>
        Assert.Equal(expected, Trimp.Banister(minutes, average, rest, max, weighting), 2);

    [Fact]
    public void Trimp_FromARun_UsesItsDurationAndAverageHeartRate()
    {
        var run = new LoggedRun(Monday, 12000, TimeSpan.FromMinutes(60), RunType.Easy, averageHeartRate: 150);
        Assert.Equal(108.10, Trimp.Banister(run, 50, 190, TrimpWeighting.Men)!.Value, 2);
        Assert.Null(Trimp.Banister(new LoggedRun(Monday, 12000, TimeSpan.FromMinutes(60), RunType.Easy), 50, 190, TrimpWeighting.Men));
    }

    [Fact]
    public void Trimp_AverageAboveMax_IsRejected() =>
        Assert.Equal("average heart rate must be between 50 and 190, got 200",
            Assert.Throws<DomainValueException>(() => Trimp.Banister(60, 200, 50, 190, TrimpWeighting.Men)).Message);

    [Theory]
    [InlineData(7, 0.25)]
    [InlineData(28, 0.0689655)]
    public void Ewma_Lambda_Is2OverNPlus1(int days, double lambda) =>
        Assert.Equal(lambda, AcuteChronicRatio.Lambda(days), 7);

    public static TheoryData<int, double[]> EwmaVectors => new()
    {
        { 7, [100, 75, 106.25, 79.6875, 59.765625, 119.82421875] },
        { 28, [100, 93.1034483, 100.4756243, 93.5462709, 87.0948039, 101.7779209] },
    };

    [Theory]
    [MemberData(nameof(EwmaVectors))]
    public void Ewma_StartsAtTheFirstDayAndDecaysByLambda(int days, double[] expected)
    {
        var ewma = AcuteChronicRatio.Ewma([100, 0, 200, 0, 0, 300], days);
        Assert.Equal(expected.Length, ewma.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ewma[i], 6);
        }
    }

    [Fact]
    public void AcuteChronicSeries_NoRatioBefore28Days_ThenRatio()
    {
        var days = Enumerable.Range(0, 35).Select(i => new DailyLoad(Monday.AddDays(i), i < 28 ? 100 : 200)).ToArray();

        var series = AcuteChronicRatio.Series(days);

        Assert.All(series.Take(27), p => Assert.Null(p.Ratio));
        Assert.Equal(1, series[27].Ratio!.Value, 9);
        Assert.Equal(1.3394, series[^1].Ratio!.Value, 4);
        Assert.Contains("disputed", AcuteChronicRatio.Caveat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11000, SpikeSize.None, null)]   // exactly 10 % longer: the reference category
    [InlineData(9000, SpikeSize.None, null)]
    [InlineData(12000, SpikeSize.Small, 1.64)]
    [InlineData(13000, SpikeSize.Small, 1.64)]  // exactly 30 %
    [InlineData(15000, SpikeSize.Moderate, 1.52)]
    [InlineData(20000, SpikeSize.Moderate, 1.52)] // exactly 100 %
    [InlineData(21000, SpikeSize.Large, 2.28)]
    public void LongRunSpike_ComparesWithTheLongestOfThePrevious30Days(double metres, SpikeSize size, double? hrr)
    {
        var history = new[]
        {
            new LoggedRun(Monday.AddDays(-40), 25000, TimeSpan.FromHours(2.5), RunType.Long), // more than 30 days before: ignored
            new LoggedRun(Monday.AddDays(-30), 10000, TimeSpan.FromMinutes(55), RunType.Long),
            new LoggedRun(Monday.AddDays(-3), 8000, TimeSpan.FromMinutes(45), RunType.Easy),
            new LoggedRun(Monday, 15000, TimeSpan.FromMinutes(80), RunType.Long),             // the same day: not "previous"
        };

        var check = LongRunSpike.Check(history, Monday, metres);

        Assert.Equal(10000, check.LongestPreviousMetres);
        Assert.Equal(size, check.Size);
        Assert.Equal(hrr, check.HazardRateRatio);
        Assert.Equal(size == SpikeSize.None, check.Message is null);
    }

    [Fact]
    public void LongRunSpike_MessageNamesTheNumbersAndTheSource()
    {
        var history = new[] { new LoggedRun(Monday.AddDays(-7), 12000, TimeSpan.FromMinutes(65), RunType.Long) };

        var check = LongRunSpike.Check(history, new LoggedRun(Monday, 16000, TimeSpan.FromMinutes(90), RunType.Long));

        Assert.Equal("This run (16.0 km) is 33 % longer than your longest in the previous 30 days (12.0 km). In a study of 5,205 runners, single runs 30–100 % longer than that came with a 1.52 times higher injury rate (Frandsen 2025). Keeping it to 13.2 km (10 % more) avoids the spike.", check.Message);
        var inMiles = LongRunSpike.Check(history, new LoggedRun(Monday, 16000, TimeSpan.FromMinutes(90), RunType.Long), Domain.Units.DistanceUnit.Miles);
        Assert.StartsWith("This run (9.9 mi) is 33 % longer than your longest in the previous 30 days (7.5 mi).", inMiles.Message, StringComparison.Ordinal);
        Assert.EndsWith("Keeping it to 8.2 mi (10 % more) avoids the spike.", inMiles.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongRunSpike_NoRecentRuns_SaysSoWithoutAlarm()
    {
        var check = LongRunSpike.Check([], Monday, 10000);
        Assert.Equal(SpikeSize.None, check.Size);
        Assert.Null(check.LongestPreviousMetres);
        Assert.Equal("no runs in the previous 30 days to compare with: build up gently", check.Message);
    }

    [Fact]
    public void WeeklyRunning_TotalsPerMondayWeek_WithEmptyWeeksAsZero()
    {
        var runs = new[]
        {
            new LoggedRun(Monday, 8000, TimeSpan.FromMinutes(45), RunType.Easy),
            new LoggedRun(Monday.AddDays(6), 16000, TimeSpan.FromMinutes(95), RunType.Long),   // Sunday, same week
            new LoggedRun(Monday.AddDays(14), 5000, TimeSpan.FromMinutes(25), RunType.Race),
        };

        var weeks = WeeklyRunning.Totals(runs);

        Assert.Equal([Monday, Monday.AddDays(7), Monday.AddDays(14)], weeks.Select(w => w.WeekStart));
        Assert.Equal([24000, 0, 5000], weeks.Select(w => w.DistanceMetres));
        Assert.Equal(TimeSpan.FromMinutes(140), weeks[0].Duration);
        Assert.Equal([2, 0, 1], weeks.Select(w => w.Runs));
        Assert.Equal(Monday, Weeks.StartOf(Monday.AddDays(6)));
    }

    [Fact]
    public void MuscleVolume_PrimaryCountsOne_SecondaryHalf_HillsCreditGluteusMaximus()
    {
        var sessions = new[]
        {
            Session(Monday, HipThrust, "barbell", [10, 10, 10], kg: 60),          // glute max 3, hamstrings 1.5
            Session(Monday.AddDays(2), SplitSquat, "bodyweight", [8, 8]),         // glute max 2, quads 2, hamstrings 1, glute med 1
            Session(Monday.AddDays(2), SideLyingAbduction, "bodyweight", [15, 15]), // glute med 2, glute min 1
            new LoggedStrengthSession(Monday, [new LoggedSet("unknown-exercise", "x", 10)]),
        };
        var runs = new[]
        {
            new LoggedRun(Monday.AddDays(1), 6000, TimeSpan.FromMinutes(35), RunType.Hills),                                  // 3 sets
            new LoggedRun(Monday.AddDays(3), 10000, TimeSpan.FromMinutes(60), RunType.Easy, timeOnHills: TimeSpan.FromMinutes(10)), // 2 sets
            new LoggedRun(Monday.AddDays(5), 20000, TimeSpan.FromMinutes(120), RunType.Long, timeOnHills: TimeSpan.FromMinutes(40)), // capped at 4
        };

        var sets = MuscleVolume.Sets(sessions, runs, AllExercises, Monday, Monday.AddDays(6));

        Assert.Equal(3 + 2 + 3 + 2 + 4, sets[Muscle.GluteusMaximus]);
        Assert.Equal(3, sets[Muscle.GluteusMedius]);
        Assert.Equal(1, sets[Muscle.GluteusMinimus]);
        Assert.Equal(2.5, sets[Muscle.Hamstrings]);
        Assert.Equal(2, sets[Muscle.Quadriceps]);
        Assert.Equal(0, sets[Muscle.Calves]);

        Assert.Equal(3 + 2 + 9, MuscleVolume.HipExtensionSets(sessions, runs, AllExercises, Monday, Monday.AddDays(6)));
        var weekly = MuscleVolume.Weekly(sessions, runs, AllExercises);
        Assert.Single(weekly);
        Assert.Equal(sets[Muscle.GluteusMaximus], weekly[0].Sets[Muscle.GluteusMaximus]);
    }

    [Fact]
    public void MuscleVolume_HillSprintsLoggedAsSets_CountAsTheHillSessionTheyAre_NotASetEach()
    {
        // Ten 8 s sprints logged one set each were ten sets for the gluteus maximus, hamstrings and calves; the same
        // sprints recorded as a hill-sprint run are three (MuscleVolume.HillSessionSets).
        var sprints = HillSprints;
        var tenSets = new LoggedStrengthSession(Monday, Enumerable.Range(0, 10).Select(_ => new LoggedSet("hill-sprints", "hill", 1)));
        var twoSets = new LoggedStrengthSession(Monday.AddDays(3), [new LoggedSet("hill-sprints", "hill", 4), new LoggedSet("hill-sprints", "hill", 4)]);
        var thrusts = Session(Monday, HipThrust, "barbell", [10, 10, 10, 10, 10], kg: 60);

        var sets = MuscleVolume.Sets([tenSets, twoSets, thrusts], [], AllExercises, Monday, Monday.AddDays(6));

        Assert.Equal(ExerciseKind.Hill, sprints.Kind);
        Assert.Equal(3 + 2 + 5, sets[Muscle.GluteusMaximus]); // capped, under the cap, and five hip-thrust sets as five
        Assert.Equal((3 + 2) * 0.5, sets[Muscle.Calves]);
        Assert.Equal(((3 + 2) * 0.5) + (5 * 0.5), sets[Muscle.Hamstrings]);
        Assert.Equal(3 + 2 + 5, MuscleVolume.HipExtensionSets([tenSets, twoSets, thrusts], [], AllExercises, Monday, Monday.AddDays(6)));
        Assert.Equal(3, MuscleVolume.SessionSets(sprints, 10));
        Assert.Equal(10, MuscleVolume.SessionSets(HipThrust, 10));
    }

    [Fact]
    public void Weeks_EndOf_TheCalendarsLastWeek_IsItsLastDay_NotPastIt()
    {
        // 9999-12-31 is a Friday: its week starts 9999-12-27 and would end on 10000-01-02.
        Assert.Equal(new DateOnly(9999, 12, 27), Weeks.StartOf(DateOnly.MaxValue));
        Assert.Equal(DateOnly.MaxValue, Weeks.EndOf(new DateOnly(9999, 12, 27)));
        Assert.Equal(Monday.AddDays(6), Weeks.EndOf(Monday));
        Assert.Equal(DateOnly.MaxValue, Weeks.EndOfMonth(new DateOnly(9999, 12, 1)));
    }

    [Fact]
    public void MuscleVolume_Weekly_WithSessionsAtTheCalendarsEdges_CountsThem()
    {
        // Days an older RunStrong let through: the weekly sets (GET /api/stats/strength) answered 500 on them.
        var sessions = new[]
        {
            Session(DateOnly.MinValue, HipThrust, "barbell", [10, 10], kg: 60),
            Session(DateOnly.MaxValue, HipThrust, "barbell", [10, 10, 10], kg: 60),
        };

        var weekly = MuscleVolume.Weekly(sessions, [], AllExercises);

        Assert.Equal([DateOnly.MinValue, new DateOnly(9999, 12, 27)], weekly.Select(w => w.WeekStart));
        Assert.Equal([2.0, 3.0], weekly.Select(w => w.Sets[Muscle.GluteusMaximus]));
    }
}
