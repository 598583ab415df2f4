using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>
/// Replaces a plan's profile (and name): the plan is regenerated from it on the next read. Logged strength sessions
/// (StrengthSessions, pointing at the plan and a date) are not touched, so what was done stays done. Without a new
/// start, the plan keeps its first day.
/// </summary>
public static class UpdatePlan
{
    public sealed record Request(string? Name, string? Profile, DateOnly? Start = null, int? Weeks = null);

    public sealed record Response(long Id, string Name);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, long id, Request request, CancellationToken cancellationToken = default)
    {
        var record = await GetPlan.FindAsync(db, runner, id, cancellationToken, tracking: true);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var input = PlanInput.Read(request.Profile, request.Start, request.Weeks, preferences.Today(clock), defaultStart: record.StartDate, runnersUnits: preferences);
        record.Name = string.IsNullOrWhiteSpace(request.Name) ? record.Name : PlanInput.NameFor(request.Name, input);
        record.ProfileJson = input.Json;
        record.StartDate = input.Start;
        record.Weeks = input.Weeks;
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new Response(record.Id, record.Name);
    }
}
