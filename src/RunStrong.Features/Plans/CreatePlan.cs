using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>Stores a plan: its name and profile (the plan itself is regenerated on reading; the generator is deterministic).</summary>
public static class CreatePlan
{
    /// <param name="Name">Shown in lists and as the calendar's name; default from the race or the start.</param>
    public sealed record Request(string? Name, string? Profile, DateOnly? Start = null, int? Weeks = null);

    public sealed record Response(long Id, string Name, string CalendarToken);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var input = PlanInput.Read(request.Profile, request.Start, request.Weeks, preferences.Today(clock), runnersUnits: preferences);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new PlanRecord
        {
            OwnerId = runner.RunnerId,
            Name = PlanInput.NameFor(request.Name, input),
            ProfileJson = input.Json,
            StartDate = input.Start,
            Weeks = input.Weeks,
            CalendarToken = CalendarToken.New(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Plans.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new Response(record.Id, record.Name, record.CalendarToken);
    }
}
