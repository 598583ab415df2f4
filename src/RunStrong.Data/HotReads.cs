using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RunStrong.Data;

/// <summary>
/// The two reads every API request makes before anything else: the access token it carries (with its runner's data
/// stamp, in the same read) and, for a session signed in with the cookie, the runner's stamp. One SQL statement each,
/// straight through ADO.NET: measured on two cores, building an EF context and translating a query for these cost more
/// than the rest of a kept answer (docs/decisions/0030-response-memo.md, docs/benchmarks.md). Everything else reads
/// through <see cref="RunStrongDbContext"/>; the SQL here names the tables and columns its model maps (the same quoted
/// names on both engines), and the tests of tokens and kept answers run it on both.
/// </summary>
public sealed class HotReads : IAsyncDisposable
{
    private const string TokenSql =
        """
        SELECT t."Id", t."UserId", t."CanWrite", t."ExpiresAt", t."RevokedAt", t."LastUsedAt", r."DataStamp", r."TimeZone"
        FROM "AccessTokens" AS t LEFT JOIN "Runners" AS r ON r."Id" = t."UserId"
        WHERE t."TokenHash" = @hash
        LIMIT 1
        """;

    private const string StampSql = """SELECT "DataStamp", "TimeZone" FROM "Runners" WHERE "Id" = @id""";

    private readonly DatabaseTarget _target;
    private readonly NpgsqlDataSource? _postgres;

    public HotReads(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            // A small pool of its own beside EF's: these reads are short and many share few connections.
            var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
            builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, 20);

            // The same two statements over and over: prepared once per connection, PostgreSQL skips parsing and planning.
            builder.MaxAutoPrepare = Math.Max(builder.MaxAutoPrepare, 4);
            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
        }
    }

    /// <summary>An access token's row, and its account's data stamp and time zone (null stamp: no runner row).</summary>
    public sealed record TokenRow(long Id, Guid UserId, bool CanWrite, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, long? Stamp, string? TimeZone);

    /// <summary>A runner's data stamp and time zone id.</summary>
    public sealed record Stamp(long Value, string? TimeZone);

    public Task<TokenRow?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken) =>
        ReadOneAsync(TokenSql, "hash", tokenHash, reader => new TokenRow(
            reader.GetInt64(0),
            reader.GetGuid(1),
            reader.GetBoolean(2),
            Time(reader, 3),
            Time(reader, 4),
            Time(reader, 5),
            reader.IsDBNull(6) ? null : reader.GetInt64(6),
            reader.IsDBNull(7) ? null : reader.GetString(7)), cancellationToken);

    public Task<Stamp?> ReadStampAsync(Guid runnerId, CancellationToken cancellationToken) =>
        ReadOneAsync(StampSql, "id", runnerId, reader => new Stamp(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)), cancellationToken);

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The first row of <paramref name="sql"/> with one parameter, read by <paramref name="read"/>; null for none.</summary>
    private async Task<T?> ReadOneAsync<T>(string sql, string name, object value, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;

        // EF stores a Guid on SQLite as upper-case text; on PostgreSQL as uuid.
        parameter.Value = value is Guid id && _postgres is null ? id.ToString().ToUpperInvariant() : value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A stored time as EF reads it (SQLite keeps text, read back unspecified; PostgreSQL's timestamptz is UTC).</summary>
    private static DateTime? Time(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);
}
