namespace RunStrong.Data;

/// <summary>The two storage engines RunStrong runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database to use, resolved from the first of: the CLI's <c>--db</c>, the environment variable
/// <c>RUNSTRONG_DB</c>, the configuration key <c>ConnectionStrings:RunStrong</c>, and the default SQLite file in the
/// per-user data folder. A value starting <c>Host=</c> means PostgreSQL; anything else is SQLite (a file path or a
/// <c>Data Source=</c> connection string).
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string Description)
{
    public const string EnvironmentVariable = "RUNSTRONG_DB";

    public static DatabaseTarget Resolve(string? explicitValue, string? configuredValue = null)
    {
        var value = FirstNonEmpty(explicitValue, Environment.GetEnvironmentVariable(EnvironmentVariable), configuredValue);
        return value is null ? FromSqlitePath(DefaultSqlitePath()) : Parse(value);
    }

    public static DatabaseTarget Parse(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(trimmed);
            return new DatabaseTarget(DatabaseProvider.PostgreSql, trimmed,
                $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}");
        }

        if (trimmed.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(trimmed);
            EnsureFolder(builder.DataSource);
            return new DatabaseTarget(DatabaseProvider.Sqlite, trimmed, $"SQLite file {builder.DataSource}");
        }

        return FromSqlitePath(trimmed);
    }

    public static DatabaseTarget FromSqlitePath(string path)
    {
        var full = Path.GetFullPath(Environment.ExpandEnvironmentVariables(path));
        EnsureFolder(full);
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = full, Pooling = true };
        return new DatabaseTarget(DatabaseProvider.Sqlite, builder.ToString(), $"SQLite file {full}");
    }

    /// <summary>The per-user default: <c>$XDG_DATA_HOME/RunStrong/runstrong.db</c> (~/.local/share on Linux).</summary>
    public static string DefaultSqlitePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "RunStrong", "runstrong.db");

    private static void EnsureFolder(string file)
    {
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
