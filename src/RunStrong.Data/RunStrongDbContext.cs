using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data.Entities;

namespace RunStrong.Data;

/// <summary>
/// RunStrong's database. One model for both engines; <see cref="SqliteRunStrongDbContext"/> and
/// <see cref="PostgresRunStrongDbContext"/> exist only so each engine has its own migrations (docs/decisions/0003).
/// </summary>
/// <remarks>
/// Per-runner isolation lives here, in one place: every row that is <see cref="IOwnedByRunner"/> gets a global query
/// filter on <see cref="OwnerId"/>, and <see cref="SaveChanges(bool)"/> refuses to write a row of another runner. The web
/// app sets the owner from the signed-in account (nobody signed in: <see cref="Guid.Empty"/>, which owns nothing); the
/// CLI on its own database file leaves it null and sees every runner's rows, as whoever holds the file can.
/// </remarks>
public abstract partial class RunStrongDbContext(DbContextOptions options, IOwnerScope? owner)
    : IdentityDbContext<RunStrongUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private Guid? _actingFor;

    /// <summary>
    /// The runner whose rows this context reads and writes, asked afresh for every query (the web's scope follows the
    /// request's sign-in, which may complete after the context was made); null for the local administrator (the CLI).
    /// </summary>
    public Guid? OwnerId => _actingFor ?? owner?.RunnerId;

    /// <summary>
    /// Works on <paramref name="runnerId"/>'s rows from here on: for a coach, once the runner's share has been checked.
    /// </summary>
    public void ActFor(Guid runnerId) => _actingFor = runnerId;

    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    public DbSet<CoachShare> CoachShares => Set<CoachShare>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

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

    public DbSet<SessionLogRecord> SessionLogs => Set<SessionLogRecord>();

    public DbSet<GarminExerciseMappingRecord> GarminExerciseMappings => Set<GarminExerciseMappingRecord>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportJobFile> ImportJobFiles => Set<ImportJobFile>();

    public DbSet<ImportJobResult> ImportJobResults => Set<ImportJobResult>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardOwners();
        MarkChangedWeeks();
        return SaveAndStamp(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardOwners();
        MarkChangedWeeks();
        return SaveAndStampAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardOwners()
    {
        if (OwnerId is not { } owner)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<IOwnedByRunner>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.OwnerId != owner)
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} of another runner cannot be written while acting for runner {owner}.");
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Runner>(runner =>
        {
            runner.Property(r => r.Name).HasMaxLength(200);
            runner.Property(r => r.TrimpWeighting).HasMaxLength(10);
            runner.Property(r => r.DistanceUnit).HasMaxLength(2);
            runner.Property(r => r.WeightUnit).HasMaxLength(2);
            runner.Property(r => r.TimeZone).HasMaxLength(64);
            runner.HasData(new Runner { Id = Runner.LocalId, Name = "Runner", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        });

        builder.Entity<CatalogueEntry>(entry =>
        {
            entry.Property(e => e.Slug).HasMaxLength(200);
            entry.Property(e => e.Name).HasMaxLength(300);
            entry.Property(e => e.SourceName).HasMaxLength(50);
            entry.Property(e => e.ExternalId).HasMaxLength(200);
            entry.HasIndex(e => e.Slug).IsUnique();
            entry.HasIndex(e => new { e.SourceName, e.ExternalId }).IsUnique();
        });

        ConfigureModel(builder);
        FilterByOwner(builder);
    }

    /// <summary><c>row =&gt; OwnerId == null || row.OwnerId == OwnerId</c> on every <see cref="IOwnedByRunner"/> entity.</summary>
    private void FilterByOwner(ModelBuilder builder)
    {
        var owner = Expression.Property(Expression.Constant(this), nameof(OwnerId));
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IOwnedByRunner).IsAssignableFrom(t.ClrType)))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var rowOwner = Expression.Convert(Expression.Property(row, nameof(IOwnedByRunner.OwnerId)), typeof(Guid?));
            var body = Expression.OrElse(
                Expression.Equal(owner, Expression.Constant(null, typeof(Guid?))),
                Expression.Equal(rowOwner, owner));
            builder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, row));
        }
    }

    /// <summary>Hook for later slices' entity configurations, applied for both engines.</summary>
    protected virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RunStrongDbContext).Assembly);
    }
}

public sealed class SqliteRunStrongDbContext(DbContextOptions<SqliteRunStrongDbContext> options, IOwnerScope? owner = null)
    : RunStrongDbContext(options, owner);

public sealed class PostgresRunStrongDbContext(DbContextOptions<PostgresRunStrongDbContext> options, IOwnerScope? owner = null)
    : RunStrongDbContext(options, owner);

/// <summary>Whose rows a <see cref="RunStrongDbContext"/> made by dependency injection may see (the web: the signed-in runner).</summary>
public interface IOwnerScope
{
    Guid RunnerId { get; }
}
