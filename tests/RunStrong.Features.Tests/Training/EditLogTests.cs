using Microsoft.EntityFrameworkCore;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Predictions;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Training;

/// <summary>Issue 13: every logged thing can be corrected or deleted, and what is computed from the log follows at once.</summary>
public class EditLogTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly TimeProvider Clock = TestClock.Create();

    private static DateOnly Day(int daysAgo) => TestClock.Today.AddDays(-daysAgo);

    [Theory, MemberData(nameof(Engines))]
    public async Task CorrectingALoggedSet_ChangesTheNextPrescription(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var session = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = Day(3),
            Sets = [.. Enumerable.Range(0, 3).Select(i => SetNotation.Parse("12x60kg@8", i, "hip-thrust", "barbell"))],
        });
        var before = (await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"))).Exercises.Single();

        // The runner typed 12 reps but did 8 in every set: the top of the range was not reached, so no more load.
        foreach (var set in session.Sets)
        {
            await EditLog.ChangeSetAsync(db, LocalRunner.Instance, set.Id, new EditLog.SetChange { Reps = 8 });
        }

        var after = (await NextPrescription.HandleAsync(db, LocalRunner.Instance, Clock, new NextPrescription.Request("hip-thrust"))).Exercises.Single();
        Assert.Equal("62.5 kg", before.Load);
        Assert.Equal("60 kg", after.Load);
        Assert.NotEqual(before.Reason, after.Reason);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task DeletingARaceResult_ChangesThePredictions(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = Day(20), Distance = "5k", Time = "22:00", Type = "race" });
        var fast = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = Day(10), Distance = "5k", Time = "20:00", Type = "race" });
        var withIt = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request(To: "10k"));

        await History.DeleteRunAsync(db, LocalRunner.Instance, fast.Id);
        var without = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request(To: "10k"));

        Assert.Equal("20:00", withIt.FromTime);
        Assert.Equal("22:00", without.FromTime);
        Assert.Equal(Day(20), without.SourceDate);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task CorrectingARunToATimeFasterThanTheWorldRecord_IsRefused_AndChangesNothing(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            var run = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = Day(5), Distance = "5k", Time = "21:00", Type = "race" });

            var time = await Assert.ThrowsAsync<UserInputException>(() =>
                EditActivity.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), run.Id, new EditActivity.Change(Time: "12:00")));
            var distance = await Assert.ThrowsAsync<UserInputException>(() =>
                EditActivity.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), run.Id, new EditActivity.Change(Distance: "10k")));

            Assert.Equal(("time", "time: 5k in 12:00 is faster than the world record for the distance (12:35); check the time and the distance"), (time.Field, time.Message));
            Assert.Equal(("distance", "distance: 10k in 21:00 is faster than the world record for the distance (26:11); check the time and the distance"), (distance.Field, distance.Message));
        }

        await using (var db = database.CreateContext())
        {
            var prediction = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request(To: "10k"));
            Assert.Equal(("5k", "21:00"), (prediction.FromName, prediction.FromTime));
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task ARaceTypedAsAnEasyRun_CountsOnceItsTypeIsCorrected(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var run = await LogRun.HandleAsync(db, LocalRunner.Instance, Clock, new LogRun.Request { Date = Day(5), Distance = "10k", Time = "42:00", Type = "easy" });
        await Assert.ThrowsAsync<UserInputException>(() => Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request(To: "5k")));

        await EditActivity.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), run.Id, new EditActivity.Change(RunType: "race", Name: "Turkey trot"));

        var prediction = await Predict.HandleAsync(db, LocalRunner.Instance, Clock, new Predict.Request(To: "5k"));
        Assert.Equal(("10k", "42:00"), (prediction.FromName, prediction.FromTime));
        Assert.Equal("Turkey trot", (await History.GetRunAsync(db, LocalRunner.Instance, run.Id)).Name);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task BadCorrections_NameTheField_AndChangeNothing(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var session = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = Day(1),
            Sets = [SetNotation.Parse("10x40kg@7", 0, "squat", "barbell")],
        });
        var setId = session.Sets[0].Id;
        var imported = await ImportActivities.CollectAsync(ImportActivities.FromPathsAsync(db, LocalRunner.Instance, Clock,
            [Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit")]));
        var activityId = imported.Files[0].ActivityId!.Value;

        var rpe = await Assert.ThrowsAsync<UserInputException>(() => EditLog.ChangeSetAsync(db, LocalRunner.Instance, setId, new EditLog.SetChange { Rpe = 12 }));
        var variant = await Assert.ThrowsAsync<UserInputException>(() => EditLog.ChangeSetAsync(db, LocalRunner.Instance, setId, new EditLog.SetChange { Variant = "kettlebell" }));
        var distance = await Assert.ThrowsAsync<UserInputException>(() => EditActivity.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), activityId, new EditActivity.Change(Distance: "5k")));
        var sport = await Assert.ThrowsAsync<UserInputException>(() => EditActivity.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), activityId, new EditActivity.Change(Sport: "quidditch")));
        var missing = await Assert.ThrowsAsync<UserInputException>(() => EditLog.ChangeSetAsync(db, LocalRunner.Instance, setId + 999, new EditLog.SetChange { Reps = 1 }));

        Assert.Equal(("rpe", "rpe: RPE must be between 1 and 10, got 12"), (rpe.Field, rpe.Message));
        Assert.StartsWith("variant: unknown variant 'kettlebell' of squat", variant.Message, StringComparison.Ordinal);
        Assert.Equal("distance", distance.Field);
        Assert.Contains("its distance and time are the file's", distance.Message, StringComparison.Ordinal);
        Assert.Equal("sport: unknown sport 'quidditch'; expected one of running, cycling, walking, hiking, swimming, training, other", sport.Message);
        Assert.True(missing.NotFound);
        var stored = await db.LoggedSets.AsNoTracking().SingleAsync();
        Assert.Equal((10, 7.0, "barbell"), (stored.Reps, stored.Rpe!.Value, stored.VariantSlug));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task DeletingTheLastSet_DeletesItsSession(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        var session = await LogStrengthSession.HandleAsync(db, LocalRunner.Instance, Clock, new LogStrengthSession.Request
        {
            Date = Day(1),
            Sets = [SetNotation.Parse("10x40kg@7", 0, "squat", "barbell"), SetNotation.Parse("10x40kg@7", 1, "squat", "barbell")],
        });

        await EditLog.DeleteSetAsync(db, LocalRunner.Instance, session.Sets[0].Id);
        Assert.Equal(1, await db.StrengthSessions.CountAsync());
        await EditLog.DeleteSetAsync(db, LocalRunner.Instance, session.Sets[1].Id);

        Assert.Equal(0, await db.StrengthSessions.CountAsync());
        Assert.Equal(0, await db.LoggedSets.CountAsync());
    }
}
