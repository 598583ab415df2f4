using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Coaching;

/// <summary>
/// The one door a coach goes through to an athlete's data: the share is checked, and only then is the database context
/// switched to the athlete (<see cref="RunStrongDbContext.ActFor"/>), so the plan and log handlers run unchanged with the
/// athlete as their runner. Without a share the athlete does not exist for the coach: the answer is "not found", never
/// "forbidden", so a coach cannot even learn which ids are runners.
/// </summary>
public static class AthleteAccess
{
    /// <summary>An athlete a coach may look at. <see cref="Runner"/> is the athlete, for the existing handlers.</summary>
    public sealed record Athlete(Guid RunnerId, string Name, bool CanEditPlans, DateTime Since)
    {
        public ICurrentRunner Runner { get; } = new AthleteRunner(RunnerId);

        public string Access => CoachAccess.Of(CanEditPlans);
    }

    /// <summary>The share from <paramref name="runnerId"/> to <paramref name="coachId"/>, or null when there is none.</summary>
    public static Task<CoachShare?> FindShareAsync(RunStrongDbContext db, Guid coachId, Guid runnerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CoachShares.FirstOrDefaultAsync(s => s.CoachId == coachId && s.RunnerId == runnerId, cancellationToken);
    }

    /// <summary>
    /// Checks that <paramref name="runnerId"/> shares with <paramref name="coach"/>, then makes <paramref name="db"/> work on
    /// the athlete's rows. Throws a not-found <see cref="UserInputException"/> when there is no share.
    /// </summary>
    public static async Task<Athlete> OpenAsync(RunStrongDbContext db, ICurrentRunner coach, Guid runnerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coach);
        var share = await FindShareAsync(db, coach.RunnerId, runnerId, cancellationToken)
            ?? throw new UserInputException("runnerId", $"no athlete {runnerId} shares with you", notFound: true);
        var name = await db.Users.Where(u => u.Id == runnerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        db.ActFor(runnerId);
        return new Athlete(runnerId, name ?? "", share.CanEditPlans, DateTime.SpecifyKind(share.CreatedAt, DateTimeKind.Utc));
    }

    private sealed record AthleteRunner(Guid RunnerId) : ICurrentRunner;
}
