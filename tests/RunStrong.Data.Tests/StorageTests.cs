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
