using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data.Entities;

namespace RunStrong.Data;

/// <summary>
/// RunStrong's database. One model for both engines; <see cref="SqliteRunStrongDbContext"/> and
/// <see cref="PostgresRunStrongDbContext"/> exist only so each engine has its own migrations (docs/decisions/0003).
/// </summary>
public abstract class RunStrongDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The web app's data-protection keys (antiforgery tokens, cookies). Kept in the database so that web nodes hold
    /// no state of their own: several nodes sharing one database accept each other's forms.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Runner> Runners => Set<Runner>();

    public DbSet<CatalogueEntry> CatalogueEntries => Set<CatalogueEntry>();

    public DbSet<StoredActivity> Activities => Set<Entities.StoredActivity>();

    public DbSet<ActivityFile> ActivityFiles => Set<Entities.ActivityFile>();

    public DbSet<PlanRecord> Plans => Set<PlanRecord>();

    public DbSet<StrengthSessionRecord> StrengthSessions => Set<StrengthSessionRecord>();

    public DbSet<LoggedSetRecord> LoggedSets => Set<LoggedSetRecord>();

    public DbSet<SorenessRecord> SorenessCheckIns => Set<SorenessRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Runner>(runner =>
        {
            runner.Property(r => r.Name).HasMaxLength(200);
            runner.Property(r => r.TrimpWeighting).HasMaxLength(10);
            runner.HasData(new Runner { Id = Runner.LocalId, Name = "Runner", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        });

        modelBuilder.Entity<CatalogueEntry>(entry =>
        {
            entry.Property(e => e.Slug).HasMaxLength(200);
            entry.Property(e => e.Name).HasMaxLength(300);
            entry.Property(e => e.SourceName).HasMaxLength(50);
            entry.Property(e => e.ExternalId).HasMaxLength(200);
            entry.HasIndex(e => e.Slug).IsUnique();
            entry.HasIndex(e => new { e.SourceName, e.ExternalId }).IsUnique();
        });

        ConfigureModel(modelBuilder);
    }

    /// <summary>Hook for later slices' entity configurations, applied for both engines.</summary>
    protected virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RunStrongDbContext).Assembly);
    }
}

public sealed class SqliteRunStrongDbContext(DbContextOptions<SqliteRunStrongDbContext> options) : RunStrongDbContext(options);

public sealed class PostgresRunStrongDbContext(DbContextOptions<PostgresRunStrongDbContext> options) : RunStrongDbContext(options);
