namespace RunStrong.Data.Migrations.Quartz;

/// <summary>
/// Quartz.NET's own schema scripts (tables_sqlite.sql, tables_postgres.sql beside this file: the scripts the Quartz
/// 4.7.3 package embeds for its schema provisioning, Apache-2.0; their headers say more), so that a fresh database gets the job store's tables with the rest of RunStrong's schema
/// (docs/decisions/0029).
/// </summary>
internal static class QuartzTables
{
    public static readonly string[] Names =
    [
        "QRTZ_JOB_STATUS", "QRTZ_MISFIRE_HISTORY", "QRTZ_EXECUTION_HISTORY", "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE",
        "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_JOB_GRPS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_CALENDARS", "QRTZ_BLOB_TRIGGERS",
        "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS",
    ];

    /// <summary>
    /// The statements that create the tables on <paramref name="engine"/> (<c>sqlite</c> or <c>postgres</c>), one a command:
    /// Quartz's script separates them with a line reading <c>--;;</c>.
    /// </summary>
    public static IEnumerable<string> CreateStatements(string engine) =>
        CreateScript(engine).Split("\n--;;", StringSplitOptions.TrimEntries)
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));

    private static string CreateScript(string engine)
    {
        var name = $"RunStrong.Data.Migrations.Quartz.tables_{engine}.sql";
        using var stream = typeof(QuartzTables).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Quartz table script {name} is not embedded in RunStrong.Data.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>Drops the tables again (the migration's Down).</summary>
    public static string DropScript() => string.Concat(Names.Select(n => $"DROP TABLE IF EXISTS {n};\n"));
}
