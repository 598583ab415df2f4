using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace RunStrong.Data;

/// <summary>
/// The SQLite connection every context opens: before it goes back to its pool, a statement still running on it is reset.
/// </summary>
/// <remarks>
/// Closing a pooled <see cref="SqliteConnection"/> takes EF's functions and collation off the native connection, which
/// SQLite refuses while any statement on it is still stepping ("unable to delete/modify collation sequence due to active
/// statements"): the close threw out of the context's dispose (a failed request or job) and the native connection was
/// lost to the pool. CI saw it once, under concurrent rollup refreshes (RollupsTests), on a statement no command held any
/// more. Resetting such statements is what closing an unpooled connection does (SQLite finalizes them itself). SQLitePCL
/// lists a connection's statements only when told to track them from the moment it opens, which a pooled connection
/// opened by Microsoft.Data.Sqlite never is, so the walk calls SQLite itself (the bundled e_sqlite3 library EF loads).
/// </remarks>
public sealed class PooledSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    public override void Close()
    {
        if (State == System.Data.ConnectionState.Open && Handle is { IsInvalid: false } handle)
        {
            var db = handle.DangerousGetHandle();
            for (var statement = NextStatement(db, IntPtr.Zero); statement != IntPtr.Zero; statement = NextStatement(db, statement))
            {
                if (StatementBusy(statement) != 0)
                {
                    _ = Reset(statement);
                }
            }
        }

        base.Close();
    }

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_next_stmt")]
    private static extern IntPtr NextStatement(IntPtr db, IntPtr statement);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_stmt_busy")]
    private static extern int StatementBusy(IntPtr statement);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_reset")]
    private static extern int Reset(IntPtr statement);
}
