using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Coaching;

/// <summary>Stops sharing with a coach: from the next request on, the coach sees nothing of the runner.</summary>
public static class RevokeShare
{
    public static async Task HandleAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var deleted = await db.CoachShares.Where(s => s.Id == id && s.RunnerId == runner.RunnerId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new UserInputException("id", $"no share with id {id}", notFound: true);
        }
    }
}
