using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>Gives a plan a new calendar token: the old subscription URL stops working at once.</summary>
public static class RotateCalendarToken
{
    public sealed record Response(long Id, string CalendarToken);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, CancellationToken cancellationToken = default)
    {
        var record = await GetPlan.FindAsync(db, runner, id, cancellationToken, tracking: true);
        record.CalendarToken = CalendarToken.New();
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new Response(record.Id, record.CalendarToken);
    }
}
