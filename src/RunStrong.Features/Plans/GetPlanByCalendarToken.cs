using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>
/// The plan behind a private calendar URL, as .ics. No runner is signed in: the token is the credential, so the
/// lookup is not filtered by owner. An unknown token is "not found" and says nothing more.
/// </summary>
public static class GetPlanByCalendarToken
{
    public sealed record Response(long Id, string Name, string Ics);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ExerciseCatalogue catalogue, TimeProvider clock, string token, CancellationToken cancellationToken = default)
    {
        // Tokens are 43 URL-safe characters; anything else cannot match, so skip the query.
        var record = token.Length is > 20 and <= 100 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? await db.Plans.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.CalendarToken == token, cancellationToken)
            : null;
        if (record is null)
        {
            throw new UserInputException("token", "no calendar at this address", notFound: true);
        }

        var input = PlanInput.ReadStored(record.ProfileJson, record.StartDate);
        var exercises = await catalogue.AllAsync(cancellationToken);
        // The calendar follows the owner's log as the plan page does.
        var plan = await Training.PlanProgress.ApplyAsync(db, new PlanOwner(record.OwnerId), PlanInput.Generate(input, exercises), input.Profile, exercises,
            (await Settings.RunnerPreferences.GetAsync(db, record.OwnerId, cancellationToken)).Today(clock), record.Id, cancellationToken);
        var stamp = new DateTimeOffset(DateTime.SpecifyKind(record.UpdatedAt, DateTimeKind.Utc));
        return new Response(record.Id, record.Name, PlanCalendar.ToIcs(plan, record.Name, stamp, PlanCalendarKey.For(record.Id, record.CreatedAt)));
    }

    /// <summary>The plan's owner, whose log the calendar follows (the token stands for them).</summary>
    private sealed record PlanOwner(Guid RunnerId) : ICurrentRunner;
}
