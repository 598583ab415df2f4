using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RunStrong.TestSupport;
using SQLitePCL;

namespace RunStrong.Data.Tests;

/// <summary>
/// A pooled SQLite connection goes back to its pool even when a statement on it was left running (CI saw one, once, under
/// concurrent rollup refreshes): closing it used to throw "unable to delete/modify collation sequence due to active
/// statements" out of the context's dispose, and the connection was lost to the pool.
/// </summary>
public class SqlitePoolTests
{
    [Fact]
    public async Task Dispose_WithAStatementLeftRunning_ClosesAndTheNextContextReadsOn()
    {
        await using var database = await TestDatabases.CreateAsync("sqlite");
        var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;

        // A statement stepped to its first row and never reset: what a reader lost before its dispose leaves behind.
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, "SELECT 1 UNION ALL SELECT 2", out var statement));
        Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(statement));
        Assert.NotEqual(0, raw.sqlite3_stmt_busy(statement));

        await db.DisposeAsync();

        Assert.Equal(0, raw.sqlite3_stmt_busy(statement));
        statement.Dispose();
        await using var next = database.CreateContext();
        Assert.Single(await next.Runners.ToListAsync());
    }
}
