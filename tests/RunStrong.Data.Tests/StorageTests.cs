using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.TestSupport;

namespace RunStrong.Data.Tests;

/// <summary>The schema on both engines: migrations apply, the rows a runner owns carry their owner, constraints hold.</summary>
public class StorageTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Migrate_FreshDatabase_AppliesEveryMigrationAndSeedsTheLocalRunner(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var runner = Assert.Single(await db.Runners.ToListAsync());
        Assert.Equal(Runner.LocalId, runner.Id);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Migrate_Twice_IsHarmless(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);

        await DataServices.MigrateAsync(database.Target);

        await using var db = database.CreateContext();
        Assert.Single(await db.Runners.ToListAsync());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Activities_SameFileTwiceForOneRunner_IsRefusedByTheDatabase(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using (var db = database.CreateContext())
        {
            db.Activities.Add(NewActivity("abc"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            db.Activities.Add(NewActivity("abc"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var stored = Assert.Single(await db.Activities.Include(a => a.File).ToListAsync());
            Assert.Equal(Runner.LocalId, stored.OwnerId);
            Assert.Equal([1, 2, 3], stored.File!.GzipContent);
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task CatalogueEntries_SameSourceIdTwice_IsRefused(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        db.CatalogueEntries.Add(new CatalogueEntry { Slug = "wger-1-a", Name = "A", SourceName = "wger", ExternalId = "1", Json = "{}" });
        db.CatalogueEntries.Add(new CatalogueEntry { Slug = "wger-1-b", Name = "B", SourceName = "wger", ExternalId = "1", Json = "{}" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    /// <summary>
    /// SQLite plans without statistics: an index holding every null of a mostly-null column was taken for "IS NULL" and
    /// walked all runners' sessions to log one set (62 ms per set with a hundred runners, docs/benchmarks.md). The runner's
    /// day is what narrows those lookups; the activities list's order has its own index (no sort of every activity).
    /// </summary>
    [Fact]
    public async Task Sqlite_HandLoggedSessionOfADay_IsFoundThroughTheRunnersDay_AndTheActivityListNeedsNoSort()
    {
        await using var database = TestDatabases.CreateSqlite();
        await DataServices.MigrateAsync(database.Target);
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        async Task<string> PlanAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync();
            var steps = new List<string>();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            return string.Join(" / ", steps);
        }

        var session = await PlanAsync("""
            SELECT "Id" FROM "StrengthSessions" WHERE "OwnerId" = 'x' AND "Date" = '2026-12-04' AND "PlannedSessionKey" IS NULL AND "SourceActivityId" IS NULL
            """);
        Assert.Contains("IX_StrengthSessions_OwnerId_Date", session, StringComparison.Ordinal);
        var list = await PlanAsync("""
            SELECT "Id", "Name" FROM "Activities" WHERE "OwnerId" = 'x' ORDER BY "LocalDate" DESC, "StartTime" DESC, "Id" DESC LIMIT 20
            """);
        Assert.DoesNotContain("TEMP B-TREE", list, StringComparison.Ordinal);

        // Still one session per watch activity; any number without one.
        db.Activities.Add(NewActivity("watch"));
        await db.SaveChangesAsync();
        var activity = await db.Activities.Select(a => a.Id).SingleAsync();
        var day = new DateOnly(2026, 12, 4);
        db.StrengthSessions.AddRange(
            new StrengthSessionRecord { OwnerId = Runner.LocalId, Date = day },
            new StrengthSessionRecord { OwnerId = Runner.LocalId, Date = day },
            new StrengthSessionRecord { OwnerId = Runner.LocalId, Date = day, SourceActivityId = activity });
        await db.SaveChangesAsync();
        db.StrengthSessions.Add(new StrengthSessionRecord { OwnerId = Runner.LocalId, Date = day, SourceActivityId = activity });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public void Resolve_HostPrefix_MeansPostgres_AnythingElseSqlite()
    {
        Assert.Equal(DatabaseProvider.PostgreSql, DatabaseTarget.Parse("Host=db.example;Database=rs;Username=u").Provider);
        var sqlite = DatabaseTarget.Parse(Path.Combine(Path.GetTempPath(), "rs-resolve", "x.db"));
        Assert.Equal(DatabaseProvider.Sqlite, sqlite.Provider);
        Assert.Contains("x.db", sqlite.Description, StringComparison.Ordinal);
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseTarget.Parse("Data Source=" + Path.Combine(Path.GetTempPath(), "rs-resolve", "y.db")).Provider);
    }

    [Fact]
    public void Resolve_ExplicitValueWinsOverConfiguration()
    {
        var file = Path.Combine(Path.GetTempPath(), "rs-resolve", "explicit.db");

        var target = DatabaseTarget.Resolve(file, "Host=ignored;Database=x");

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Contains("explicit.db", target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NothingGiven_IsTheSqliteFileInThePerUserDataFolder()
    {
        if (Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable) is { Length: > 0 })
        {
            Assert.Fail("RUNSTRONG_DB is set in the test environment; unset it to test the default.");
        }

        var target = DatabaseTarget.Resolve(null, null);

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.EndsWith(Path.Combine("RunStrong", "runstrong.db"), DatabaseTarget.DefaultSqlitePath(), StringComparison.Ordinal);
        Assert.Contains(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), target.ConnectionString, StringComparison.Ordinal);
    }

    private static StoredActivity NewActivity(string hash) => new()
    {
        OwnerId = Runner.LocalId,
        Format = "gpx",
        Sport = "running",
        StartTime = new DateTime(2026, 5, 1, 7, 0, 0, DateTimeKind.Utc),
        ContentHash = hash,
        SourcePath = "run.gpx",
        SummaryJson = "{}",
        File = new ActivityFile { FileName = "run.gpx", GzipContent = [1, 2, 3] },
    };
}
