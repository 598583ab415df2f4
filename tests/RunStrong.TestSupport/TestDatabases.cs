using Npgsql;
using Xunit;
using RunStrong.Data;

namespace RunStrong.TestSupport;

/// <summary>
/// Real databases for tests: a fresh SQLite file, or a fresh database on the PostgreSQL server that test.sh starts on
/// loopback (its connection string in RUNSTRONG_TEST_PG). Nothing here is faked.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "RUNSTRONG_TEST_PG";

    /// <summary>The engines every data test runs on, for <c>[Theory, MemberData]</c>.</summary>
    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    /// <summary>A new, empty, migrated database on the named engine; dropped or deleted when disposed.</summary>
    public static async Task<TestDatabase> CreateAsync(string engine)
    {
        var database = engine switch
        {
            "sqlite" => CreateSqlite(),
            "postgres" => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "sqlite or postgres"),
        };
        await DataServices.MigrateAsync(database.Target);
        return database;
    }

    public static TestDatabase CreateSqlite()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "runstrong-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var target = DatabaseTarget.FromSqlitePath(System.IO.Path.Combine(folder, "runstrong.db"));
        return new TestDatabase(target, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the PostgreSQL tests need the server that ./test.sh installs and starts. Run ./test.sh.");
        }

        var name = "rs_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        var target = DatabaseTarget.Parse(builder.ToString());
        return new TestDatabase(target, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}

/// <summary>A database made for one test.</summary>
public sealed class TestDatabase(DatabaseTarget target, Func<Task> cleanUp) : IAsyncDisposable
{
    public DatabaseTarget Target { get; } = target;

    /// <summary>The value a user would pass as <c>--db</c> or RUNSTRONG_DB.</summary>
    public string DbArgument => Target.ConnectionString;

    public RunStrongDbContext CreateContext() => DataServices.CreateContext(Target);

    public async ValueTask DisposeAsync() => await cleanUp();
}
