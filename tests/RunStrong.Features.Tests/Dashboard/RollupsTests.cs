using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Features.Activities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Demo;
using RunStrong.Features.Predictions;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Dashboard;

/// <summary>
/// Issue 16: the dashboard and the prediction trend read from weekly and monthly rollups, and what they show is exactly
/// what a full recomputation from the whole log shows, after random inserts, edits and deletes through the ordinary
/// write paths (SaveChanges, the activity delete and re-date, demo removal), on both engines.
/// </summary>
public class RollupsTests
{
    private static readonly Guid Me = LocalRunner.Instance.RunnerId;

    private static readonly string[] Types = ["easy", "long", "quality", "race", "hills", "jog"];

    private static readonly (string Slug, string Variant, double? Kg)[] Lifts =
    [
        ("hip-thrust", "barbell", 80), ("bulgarian-split-squat", "dumbbells", 16), ("fire-hydrant", "banded", null),
        ("glute-bridge", "bodyweight", null), ("made-up-exercise", "x", 20), ("Hip-Thrust", "Barbell", 90),
    ];

    private static readonly string[] Areas = ["calves", "hamstrings", "glutes", "lower-back", "knees", "elbow"];

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task RollupsEqualAFullRecomputation_AfterRandomInsertsEditsAndDeletes(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var today = TestClock.Today;
        var random = new Random(16);
        await using (var db = database.CreateContext())
        {
            var me = await db.Runners.AsTracking().SingleAsync(r => r.Id == Me);
            me.RestingHeartRate = 50;
            me.MaxHeartRate = 190;
            me.TrimpWeighting = "men";
            await db.SaveChangesAsync();
            await DemoData.FillAsync(db, LocalRunner.Instance, today);
            for (var i = 0; i < 60; i++)
            {
                await InsertAsync(db, random, today);
            }
        }

        var first = await AssertSameAsync(database, today);
        // The log gives the figures something to show.
        Assert.True(first.HasData);
        Assert.NotEmpty(first.PredictionTrend);
        Assert.NotEmpty(first.OneRepMaxTrends);
        Assert.Contains(first.Trimp.Weeks, w => w.Runs > 0);
        Assert.Contains(first.MuscleSets.Weeks, w => w.Sets.Any(s => s > 0));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.RollupStates.CountAsync());
            Assert.InRange(await db.WeekRollups.CountAsync(), 50, 120);
        }

        for (var round = 0; round < 8; round++)
        {
            await using (var db = database.CreateContext())
            {
                for (var change = 0; change < 12; change++)
                {
                    await ChangeAsync(db, random, today);
                }
            }

            await using (var db = database.CreateContext())
            {
                Assert.True(await db.RollupMarks.AnyAsync(), "the changes marked their weeks stale");
            }

            await AssertSameAsync(database, today);
            await using (var db = database.CreateContext())
            {
                Assert.False(await db.RollupMarks.AnyAsync(), "reading recomputed the stale weeks");
            }
        }

        await using (var db = database.CreateContext())
        {
            await DemoData.RemoveAsync(db, LocalRunner.Instance);
        }

        await AssertSameAsync(database, today);
    }

    /// <summary>
    /// Refreshes of one runner on several connections (as on several web nodes) while the runner's data keeps changing:
    /// none fails, they write in turns, and once the changes stop the rollups equal a full recomputation with no stale
    /// week left. The turns are taken on the rollup state row, not the runner's row that every change writes.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ConcurrentRefreshes_WhileTheLogChanges_EndEqualToAFullRecomputation(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var today = TestClock.Today;
        var random = new Random(1616);
        await using (var db = database.CreateContext())
        {
            await DemoData.FillAsync(db, LocalRunner.Instance, today);
            for (var i = 0; i < 40; i++)
            {
                await InsertAsync(db, random, today);
            }
        }

        await AssertSameAsync(database, today);
        using var writing = new CancellationTokenSource();
        var attempts = 0;
        var refreshers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await using var db = database.CreateContext();
                // False is allowed (SQLite busy, or another refresh's turn); an exception is not.
                await Rollups.RunnerRollups.TryRefreshAsync(db, Me, CancellationToken.None);
                Interlocked.Increment(ref attempts);
            }
        })).ToArray();
        try
        {
            for (var change = 0; change < 40; change++)
            {
                await using (var db = database.CreateContext())
                {
                    await ChangeAsync(db, random, today);
                }

                // The refreshes really run between the changes (whatever the machine's speed): wait for four more.
                var seen = Volatile.Read(ref attempts);
                while (Volatile.Read(ref attempts) < seen + 4 && !refreshers.Any(r => r.IsCompleted))
                {
                    await Task.Yield();
                }
            }
        }
        finally
        {
            await writing.CancelAsync();
            await Task.WhenAll(refreshers);
        }

        await AssertSameAsync(database, today);
        await using (var db = database.CreateContext())
        {
            Assert.False(await db.RollupMarks.AnyAsync(), "no stale week is left after the last read");
        }
    }

    /// <summary>The dashboard (for several days and spans) and the trend, from rollups and recomputed, as JSON; returns the default dashboard.</summary>
    private static async Task<DashboardView> AssertSameAsync(TestDatabase database, DateOnly today)
    {
        DashboardView? result = null;
        foreach (var request in new[]
        {
            new GetDashboard.Request(), new GetDashboard.Request(Weeks: 104), new GetDashboard.Request(today.AddDays(-45), 8),
            new GetDashboard.Request(today.AddDays(-200), 1), new GetDashboard.Request(today.AddDays(9), 20),
        })
        {
            await using var db = database.CreateContext();
            var catalogue = new ExerciseCatalogue(db);
            var clock = TestClock.At(today);
            var rolled = await GetDashboard.HandleAsync(db, catalogue, LocalRunner.Instance, clock, request);
            var recomputed = await GetDashboard.RecomputeAsync(db, catalogue, LocalRunner.Instance, clock, request);
            Assert.Equal(JsonSerializer.Serialize(recomputed), JsonSerializer.Serialize(rolled));
            result ??= rolled;
        }

        await using (var db = database.CreateContext())
        {
            var rolled = await PredictionTrend.HandleAsync(db, LocalRunner.Instance);
            var recomputed = await PredictionTrend.RecomputeAsync(db, LocalRunner.Instance);
            Assert.Equal(JsonSerializer.Serialize(recomputed), JsonSerializer.Serialize(rolled));
        }

        return result!;
    }

    private static async Task InsertAsync(RunStrongDbContext db, Random random, DateOnly today)
    {
        var date = today.AddDays(random.Next(-420, 12));
        switch (random.Next(3))
        {
            case 0:
                db.Activities.Add(NewRun(random, date));
                break;
            case 1:
                db.StrengthSessions.Add(NewSession(random, date));
                break;
            default:
                db.SorenessCheckIns.Add(new SorenessRecord
                {
                    OwnerId = Me, Date = date, Area = Areas[random.Next(Areas.Length)], Score = random.Next(0, 12), CreatedAt = DateTime.UnixEpoch,
                });
                break;
        }

        await db.SaveChangesAsync();
    }

    private static async Task ChangeAsync(RunStrongDbContext db, Random random, DateOnly today)
    {
        switch (random.Next(10))
        {
            case 0 or 1:
                await InsertAsync(db, random, today);
                break;
            case 2:
                var run = await PickAsync(db.Activities.AsTracking().Where(a => a.Sport == "running"), random);
                run.DistanceMeters *= 0.5 + random.NextDouble();
                run.Rpe = random.Next(3) == 0 ? null : random.Next(1, 11);
                run.LocalDate = run.LocalDate.AddDays(random.Next(-9, 10));
                await db.SaveChangesAsync();
                break;
            case 3:
                var gone = await PickAsync(db.Activities, random);
                await DeleteActivity.HandleAsync(db, LocalRunner.Instance, gone.Id);
                break;
            case 4:
                var manual = await PickAsync(db.Activities.Where(a => a.LocalDate < today), random);
                if (StoredSummary.Read(manual.SummaryJson).StartTimeSource != "recorded")
                {
                    await SetActivityDate.HandleAsync(db, LocalRunner.Instance, TestClock.At(today), new SetActivityDate.Request(manual.Id, today.AddDays(-random.Next(0, 300))));
                }

                break;
            case 5:
                // A set edited on its own: its session is not loaded.
                var set = await PickAsync(db.LoggedSets.AsTracking(), random);
                set.Reps = random.Next(1, 20);
                set.LoadValue = set.LoadValue is null ? null : set.LoadValue + random.Next(-10, 11);
                await db.SaveChangesAsync();
                break;
            case 6:
                var session = await PickAsync(db.StrengthSessions, random);
                var lift = Lifts[random.Next(Lifts.Length)];
                db.LoggedSets.Add(new LoggedSetRecord
                {
                    OwnerId = Me, SessionId = session.Id, Position = 20, ExerciseSlug = lift.Slug, VariantSlug = lift.Variant, Reps = random.Next(4, 15),
                    LoadValue = lift.Kg, LoadUnit = lift.Kg is null ? null : "kg", Rpe = random.Next(5, 11),
                });
                await db.SaveChangesAsync();
                break;
            case 7:
                var removed = await PickAsync(random.Next(2) == 0 ? db.StrengthSessions.AsTracking() : db.StrengthSessions.AsTracking().Where(s => s.IsDemo), random);
                db.StrengthSessions.Remove(removed);
                await db.SaveChangesAsync();
                break;
            case 8:
                var checkIn = await PickAsync(db.SorenessCheckIns.AsTracking(), random);
                checkIn.Score = random.Next(0, 11);
                checkIn.Date = checkIn.Date.AddDays(random.Next(-7, 8));
                await db.SaveChangesAsync();
                break;
            default:
                var moved = await PickAsync(db.StrengthSessions.AsTracking().Include(s => s.Sets), random);
                moved.Date = moved.Date.AddDays(random.Next(-10, 11));
                moved.Sets.RemoveAt(0);
                await db.SaveChangesAsync();
                break;
        }

        db.ChangeTracker.Clear();
    }

    private static async Task<T> PickAsync<T>(IQueryable<T> rows, Random random)
    {
        var count = await rows.CountAsync();
        return await rows.Skip(random.Next(count)).FirstAsync();
    }

    private static StoredActivity NewRun(Random random, DateOnly date)
    {
        var km = 3 + (random.NextDouble() * 25);
        var paceSeconds = 240 + random.Next(0, 200) + random.NextDouble();
        var efforts = new List<BestEffort> { new(1000, (paceSeconds - 15) * 1.0) };
        if (km > 1.7)
        {
            efforts.Add(new BestEffort(1609.34, (paceSeconds - 10) * 1.60934));
        }

        if (km > 5)
        {
            efforts.Add(new BestEffort(5000, (paceSeconds - 5) * 5 * (0.9 + (random.NextDouble() * 0.2))));
        }

        if (km > 10)
        {
            efforts.Add(new BestEffort(10000, paceSeconds * 10));
        }

        var summary = StoredSummary.Empty with
        {
            BestEfforts = efforts,
            HillSprints = random.Next(6) == 0 ? [new HillSprint(600, 10, 55, 0.07, 5.5)] : [],
            HillyMinutes = random.Next(4) == 0 ? random.NextDouble() * 40 : 0,
        };
        var sport = random.Next(10) switch { 0 => "cycling", 1 => "hiking", _ => "running" };
        return new StoredActivity
        {
            OwnerId = Me,
            Format = random.Next(3) == 0 ? "manual" : "fit",
            Sport = sport,
            SubSport = random.Next(8) == 0 ? "trail" : null,
            StartTime = date.ToDateTime(new TimeOnly(random.Next(5, 21), random.Next(60), random.Next(60)), DateTimeKind.Utc),
            LocalDate = date,
            DistanceMeters = km * 1000,
            ElapsedSeconds = km * paceSeconds * 1.05,
            MovingSeconds = random.Next(10) == 0 ? 0 : km * paceSeconds,
            AscentMeters = random.NextDouble() * 200,
            ContentHash = Guid.NewGuid().ToString("N"),
            SourcePath = "random",
            SummaryJson = summary.ToJson(),
            RunType = random.Next(5) == 0 ? null : Types[random.Next(Types.Length)],
            Rpe = random.Next(4) == 0 ? null : random.Next(1, 11) + (random.Next(2) * 0.5),
            AverageHeartRate = random.Next(3) == 0 ? null : 110 + (random.NextDouble() * 100),
            PlannedFor = random.Next(8) == 0 ? date.AddDays(random.Next(-2, 3)) : null,
        };
    }

    private static StrengthSessionRecord NewSession(Random random, DateOnly date) => new()
    {
        OwnerId = Me,
        Date = date,
        SessionRpe = random.Next(4) == 0 ? null : random.Next(1, 11),
        DurationMinutes = random.Next(4) == 0 ? null : 10 + (random.NextDouble() * 50),
        PlannedSessionKey = random.Next(3) == 0 ? RunnerHistory.PlannedSessionKey(date.AddDays(random.Next(-3, 2)), 0) : null,
        CreatedAt = DateTime.UnixEpoch,
        Sets = [.. Enumerable.Range(0, random.Next(1, 10)).Select(p =>
        {
            var lift = Lifts[random.Next(Lifts.Length)];
            return new LoggedSetRecord
            {
                OwnerId = Me, Position = p, ExerciseSlug = lift.Slug, VariantSlug = lift.Variant, Reps = random.Next(1, 16),
                LoadValue = lift.Kg is { } kg ? kg + random.Next(-5, 6) + random.NextDouble() : null, LoadUnit = lift.Kg is null ? null : random.Next(4) == 0 ? "lb" : "kg",
                Rpe = random.Next(3) == 0 ? null : random.Next(5, 12), Completed = random.Next(8) != 0,
            };
        })],
    };
}
