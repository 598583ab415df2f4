using Microsoft.EntityFrameworkCore;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Demo;
using RunStrong.TestSupport;
using static RunStrong.Features.Tests.Dashboard.DashboardData;

namespace RunStrong.Features.Tests.Dashboard;

/// <summary>The demo year: filled, shown on the dashboard, removed without touching the runner's own rows.</summary>
public class DemoDataTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);
    private static readonly Guid Me = LocalRunner.Instance.RunnerId;

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task FillThenRemove_LeavesTheRunnersOwnRowsIntact(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            db.Activities.Add(Run(Me, Today.AddDays(-2), 12, 60, "easy", 4));
            db.StrengthSessions.Add(HipSession(Me, Today.AddDays(-1)));
            db.SorenessCheckIns.Add(Sore(Me, Today, "knees", 2));
            await db.SaveChangesAsync();
        }

        DemoData.Summary added;
        await using (var db = database.CreateContext())
        {
            added = await DemoData.FillAsync(db, LocalRunner.Instance, Today, 7);
        }

        Assert.InRange(added.Runs, 200, 270);
        Assert.InRange(added.StrengthSessions, 20, 50);
        Assert.True(added.CheckIns > 20, $"{added.CheckIns} check-ins");
        Assert.Equal(1, added.Plans);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(added.Runs + 1, await db.Activities.CountAsync());
            Assert.Equal(added.Runs, await db.Activities.CountAsync(a => a.IsDemo));
            Assert.Equal(added.StrengthSessions, await db.StrengthSessions.CountAsync(s => s.IsDemo));
            Assert.Equal(added.Sets + 5, await db.LoggedSets.CountAsync());
            Assert.True(await db.Activities.Where(a => a.IsDemo).AllAsync(a => a.Sport == "running" && a.StartTime <= Today.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc)));
            var view = await GetDashboard.HandleAsync(db, new ExerciseCatalogue(db), LocalRunner.Instance, TestClock.At(Today), new GetDashboard.Request());
            Assert.True(view.HasDemoData);
            Assert.All(view.RunningVolume.Take(view.RunningVolume.Count - 1), w => Assert.True(w.DistanceKm > 15, $"{w.WeekStart}: {w.DistanceKm} km"));
            Assert.Contains(view.Suggestions, s => s.Kind == "add-hip-extension-work");
            Assert.Contains(view.Suggestions, s => s.Kind == "shorter-session");
            Assert.DoesNotContain(view.Suggestions, s => s.Kind == "see-a-professional");
            Assert.NotEmpty(view.OneRepMaxTrends);
            Assert.True(view.PredictionTrend.Count >= 10, $"{view.PredictionTrend.Count} months of predictions");
            // The best of the last three months against the first three: the newest month may hold a single easy run (today's),
            // whose mile effort inside it (counted since the trend's one rule takes a mile and more) says little on its own.
            Assert.True(view.PredictionTrend.TakeLast(3).Min(m => m.FiveKSeconds) < view.PredictionTrend.Take(3).Min(m => m.FiveKSeconds), "the demo runner gets faster over the year");
            Assert.NotNull(view.ThisWeek);
            Assert.NotEmpty(view.LongRunWarnings);
        }

        DemoData.Summary removed;
        await using (var db = database.CreateContext())
        {
            removed = await DemoData.RemoveAsync(db, LocalRunner.Instance);
        }

        Assert.Equal(added with { From = null, To = null }, removed);
        await using (var db = database.CreateContext())
        {
            var run = Assert.Single(await db.Activities.ToListAsync());
            Assert.Equal(12000, run.DistanceMeters);
            var session = Assert.Single(await db.StrengthSessions.Include(s => s.Sets).ToListAsync());
            Assert.Equal(5, session.Sets.Count);
            Assert.Equal(5, await db.LoggedSets.CountAsync());
            Assert.Equal("knees", Assert.Single(await db.SorenessCheckIns.ToListAsync()).Area);
            Assert.Empty(await db.Plans.ToListAsync());
        }
    }

    [Fact]
    public async Task Fill_SameSeedAndDay_WritesTheSameYear_AnotherSeedADifferentOne()
    {
        var tokens = new List<string>();
        async Task<string[]> FillAsync(int seed)
        {
            await using var database = await TestDatabases.CreateAsync("sqlite");
            await using var db = database.CreateContext();
            await DemoData.FillAsync(db, LocalRunner.Instance, Today, seed);
            var runs = await db.Activities.OrderBy(a => a.StartTime).Select(a => $"{a.StartTime:O} {a.DistanceMeters} {a.MovingSeconds} {a.RunType} {a.Rpe} {a.ContentHash}").ToListAsync();
            var sets = await db.LoggedSets.OrderBy(s => s.Id).Select(s => $"{s.ExerciseSlug} {s.VariantSlug} {s.Reps} {s.LoadValue}").ToListAsync();
            var soreness = await db.SorenessCheckIns.OrderBy(s => s.Id).Select(s => $"{s.Date} {s.Area} {s.Score}").ToListAsync();
            tokens.Add(await db.Plans.Select(p => p.CalendarToken).SingleAsync());
            return [.. runs, .. sets, .. soreness];
        }


        var first = await FillAsync(3);
        var again = await FillAsync(3);
        var other = await FillAsync(4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);

        // The private calendar address stays a secret: never the same twice, not guessable from the seed.
        Assert.Equal(3, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(43, t.Length));
    }

    [Fact]
    public async Task Fill_Twice_SaysToRemoveFirst()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        await using var db = database.CreateContext();
        await DemoData.FillAsync(db, LocalRunner.Instance, Today);

        var error = await Assert.ThrowsAsync<UserInputException>(() => DemoData.FillAsync(db, LocalRunner.Instance, Today));

        Assert.Contains("already has demo data", error.Message, StringComparison.Ordinal);
    }
}
