using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// The day of an activity (<c>PUT /api/activities/{id}/date</c>, the activity page's day form): above all the runner
/// confirming or correcting the day of a file without times, dated on import from its metadata or the day given. The same
/// rule as any other correction of the day (<see cref="EditActivity.MoveToDay"/>).
/// </summary>
public static class SetActivityDate
{
    /// <param name="Date">The day; null is refused (after the activity is found, so another runner's id is a 404 whatever the body).</param>
    public sealed record Request(long Id, DateOnly? Date);

    public static async Task HandleAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = runner.RunnerId;
        var row = await db.Activities.AsTracking().Where(a => a.Id == request.Id && a.OwnerId == owner).FirstOrDefaultAsync(cancellationToken)
            ?? throw GetActivity.NotFound(request.Id);
        var date = request.Date ?? throw new UserInputException("date", "date: give the day the activity was recorded, as YYYY-MM-DD");
        var today = (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Today(clock);
        EditActivity.MoveToDay(row, date, today);
        await db.SaveChangesAsync(cancellationToken);
    }
}
