using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// The runner confirms or corrects the day of an activity whose file has no times (dated on import from the file's
/// own metadata or from the day the runner gave). Activities with recorded times keep their file's start.
/// </summary>
public static class SetActivityDate
{
    /// <param name="Date">The day; null is refused (after the activity is found, so another runner's id is a 404 whatever the body).</param>
    public sealed record Request(long Id, DateOnly? Date);

    public static async Task HandleAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = runner.RunnerId;
        var row = await db.Activities.Where(a => a.Id == request.Id && a.OwnerId == owner).FirstOrDefaultAsync(cancellationToken)
            ?? throw GetActivity.NotFound(request.Id);
        var summary = StoredSummary.Read(row.SummaryJson);
        if (summary.StartTimeSource == "recorded")
        {
            throw new UserInputException("date", $"date: activity {request.Id} has recorded times; its start comes from its file and cannot be changed");
        }

        var date = request.Date ?? throw new UserInputException("date", "date: give the day the activity was recorded, as YYYY-MM-DD");
        var today = (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Today(clock);
        if (date > today || date.Year < 1990)
        {
            throw new UserInputException("date", $"date: {date:yyyy-MM-dd} is not a day the activity can have been recorded (1990-01-01 to today, {today:yyyy-MM-dd})");
        }

        var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var json = (summary with { StartTimeSource = "entered" }).ToJson();
        await db.Activities.Where(a => a.Id == request.Id && a.OwnerId == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartTime, start).SetProperty(a => a.LocalDate, date).SetProperty(a => a.SummaryJson, json), cancellationToken);
        // A bulk update passes by SaveChanges, which marks the dashboard's rollups stale on its own: both weeks change.
        db.Entry(row).State = EntityState.Detached;
        db.MarkRollupsStale(owner, row.LocalDate, date);
        await db.SaveChangesAsync(cancellationToken);
    }
}
