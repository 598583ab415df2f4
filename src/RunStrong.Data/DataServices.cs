using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace RunStrong.Data;

public static class DataServices
{
    /// <summary>Registers <see cref="RunStrongDbContext"/> on the engine <paramref name="target"/> names.</summary>
    public static IServiceCollection AddRunStrongData(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(target);
        services.AddSingleton<HotReads>();
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<RunStrongDbContext, PostgresRunStrongDbContext>(o => Configure(o, target));
        }
        else
        {
            services.AddDbContext<RunStrongDbContext, SqliteRunStrongDbContext>(o => Configure(o, target));
        }

        return services;
    }

    /// <summary>
    /// A context for one-off use outside dependency injection (the CLI, tests, tools). Without an
    /// <paramref name="owner"/> it sees every runner's rows, as whoever holds the database can.
    /// </summary>
    public static RunStrongDbContext CreateContext(DatabaseTarget target, IOwnerScope? owner = null)
    {
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            var options = new DbContextOptionsBuilder<PostgresRunStrongDbContext>();
            Configure(options, target);
            return new PostgresRunStrongDbContext(options.Options, owner);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteRunStrongDbContext>();
            Configure(options, target);
            return new SqliteRunStrongDbContext(options.Options, owner);
        }
    }

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext(target);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static void Configure(DbContextOptionsBuilder options, DatabaseTarget target)
    {
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(target.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));
        }
        else
        {
            // A connection of its own per context (options are built per context), owned and disposed by it.
            options.UseSqlite(new PooledSqliteConnection(target.ConnectionString), contextOwnsConnection: true);
        }

        options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }
}
