using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.TestSupport;

namespace RunStrong.Data.Tests;

/// <summary>
/// Per-runner isolation in one place: a context made for a runner sees and changes that runner's rows only, even
/// when a query forgets to say whose rows it wants.
/// </summary>
public class OwnerFilterTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static readonly Guid Other = new("00000000-0000-0000-0000-00000000beee");

    private sealed record Owner(Guid RunnerId) : IOwnerScope;

    [Fact]
    public void EveryEntityWithAnOwner_IsOwnedByRunner_AndFiltered()
    {
        using var db = DataServices.CreateContext(new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=:memory:", "model"));

        var withOwner = db.Model.GetEntityTypes().Where(t => t.FindProperty(nameof(IOwnedByRunner.OwnerId)) is not null).ToArray();

        Assert.Equal(
            ["ActivityFile", "GarminExerciseMappingRecord", "ImportJob", "ImportJobFile", "ImportJobResult", "LoggedSetRecord", "MonthRollup", "PlanRecord", "RollupMark", "RollupState", "SessionLogRecord", "SorenessRecord", "StoredActivity", "StrengthSessionRecord", "WeekRollup"],
            withOwner.Select(t => t.ClrType.Name).Order(StringComparer.Ordinal));
        Assert.All(withOwner, t => Assert.True(typeof(IOwnedByRunner).IsAssignableFrom(t.ClrType), $"{t.ClrType.Name} has an OwnerId but is not IOwnedByRunner"));
        Assert.All(withOwner, t => Assert.NotEmpty(t.GetDeclaredQueryFilters()));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task AContextForARunner_SeesAndDeletesOnlyTheirRows(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var admin = database.CreateContext())
        {
            admin.Runners.Add(new Runner { Id = Other, Name = "Bee", CreatedAt = TestClock.Now.UtcDateTime });
            foreach (var owner in new[] { Runner.LocalId, Other })
            {
                admin.SorenessCheckIns.Add(new SorenessRecord { OwnerId = owner, Date = new DateOnly(2026, 11, 1), Area = "calves", Score = 3 });
                admin.Plans.Add(new PlanRecord { OwnerId = owner, Name = $"plan of {owner}", ProfileJson = "{}", StartDate = new DateOnly(2026, 11, 2), CalendarToken = Guid.NewGuid().ToString("N") });
                admin.Activities.Add(new StoredActivity
                {
                    OwnerId = owner, Format = "gpx", Sport = "running", StartTime = new DateTime(2026, 5, 1, 7, 0, 0, DateTimeKind.Utc),
                    ContentHash = owner.ToString("N"), SourcePath = "run.gpx", SummaryJson = "{}",
                    File = new ActivityFile { OwnerId = owner, FileName = "run.gpx", GzipContent = [1, 2, 3] },
                });
            }

            await admin.SaveChangesAsync();
        }

        await using (var bee = DataServices.CreateContext(database.Target, new Owner(Other)))
        {
            // No "where OwnerId ==" anywhere below: the filter is the only thing between Bee and the local runner's rows.
            Assert.Equal([Other], await bee.Plans.Select(p => p.OwnerId).ToListAsync());
            Assert.Equal(1, await bee.SorenessCheckIns.CountAsync());
            Assert.Equal(1, await bee.ActivityFiles.CountAsync());
            Assert.Null(await bee.Activities.FirstOrDefaultAsync(a => a.ContentHash == Runner.LocalId.ToString("N")));

            Assert.Equal(1, await bee.ActivityFiles.ExecuteDeleteAsync());
            Assert.Equal(1, await bee.Activities.Where(a => a.Sport == "running").ExecuteDeleteAsync());
            Assert.Equal(1, await bee.Plans.ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "renamed")));

            // Writing a row of someone else is refused before it reaches the database.
            bee.SorenessCheckIns.Add(new SorenessRecord { OwnerId = Runner.LocalId, Date = new DateOnly(2026, 11, 3), Area = "knees", Score = 5 });
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => bee.SaveChangesAsync());
            Assert.Contains("of another runner", refused.Message, StringComparison.Ordinal);
        }

        await using (var nobody = DataServices.CreateContext(database.Target, new Owner(Guid.Empty)))
        {
            Assert.Equal(0, await nobody.Plans.CountAsync() + await nobody.SorenessCheckIns.CountAsync() + await nobody.Activities.CountAsync());
            nobody.ActFor(Runner.LocalId);
            Assert.Equal(1, await nobody.Plans.CountAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal(["plan of " + Runner.LocalId, "renamed"], (await check.Plans.Select(p => p.Name).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal([Runner.LocalId], await check.Activities.Select(a => a.OwnerId).ToListAsync());
        Assert.Equal(2, await check.SorenessCheckIns.CountAsync());
    }
}
