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
    public sealed record Request(long Id, DateOnly Date);

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

        var today = Clocks.Today(clock);
        if (request.Date > today || request.Date.Year < 1990)
        {
            throw new UserInputException("date", $"date: {request.Date:yyyy-MM-dd} is not a day the activity can have been recorded (1990-01-01 to today, {today:yyyy-MM-dd})");
        }

        var start = request.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var json = (summary with { StartTimeSource = "entered" }).ToJson();
        await db.Activities.Where(a => a.Id == request.Id && a.OwnerId == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartTime, start).SetProperty(a => a.SummaryJson, json), cancellationToken);
    }
}
