using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>
/// A stored plan with the plan regenerated from its profile and, from today on, following the runner's log
/// (<see cref="Training.PlanProgress"/>: the next prescription of every exercise already logged), and how each planned run
/// and session stands against what was done (<see cref="Response.Follow"/>: done, moved, missed, planned or skipped, and
/// where a missed strength session is offered; docs/decisions/0027).
/// </summary>
public static class GetPlan
{
    /// <summary>The stored plan and its calendar. <see cref="Profile"/> is the stored profile JSON as an object.</summary>
    public sealed record Response(
        long Id,
        string Name,
        DateOnly StartDate,
        int? Weeks,
        JsonElement Profile,
        string CalendarToken,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        Plan Plan)
    {
        /// <summary>
        /// Each planned run and session against what was done, as of the runner's today:
        /// <c>{today, runs: [{date, type, status, doneOn, activityIds}], sessions: [{key, date, kind, status, doneOn,
        /// sprints: {reps, seconds, gradePercent}, detected, activityId, offer: {date, note}}]}</c>.
        /// </summary>
        public Domain.Planning.PlanFollow? Follow { get; init; }

        /// <summary>The profile as the generator reads it (for forms and pages; not in the JSON).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public RunnerProfile RunnerProfile { get; init; } = null!;
    }

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, long id, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(db, runner, id, cancellationToken);
        var input = PlanInput.ReadStored(record.ProfileJson, record.StartDate);
        var exercises = await catalogue.AllAsync(cancellationToken);
        var today = (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Today(clock);
        var plan = await Training.PlanProgress.ApplyAsync(db, runner, PlanInput.Generate(input, exercises), input.Profile, exercises,
            today, record.Id, cancellationToken);
        return From(record, input, plan) with { Follow = await Training.PlanStatuses.ReadAsync(db, runner, plan, record.Id, today, cancellationToken) };
    }

    /// <summary>The runner's plan <paramref name="id"/>, or a not-found <see cref="UserInputException"/>.</summary>
    internal static async Task<PlanRecord> FindAsync(RunStrongDbContext db, ICurrentRunner runner, long id, CancellationToken cancellationToken, bool tracking = false)
    {
        var query = tracking ? db.Plans.AsTracking() : db.Plans;
        return await query.FirstOrDefaultAsync(p => p.Id == id && p.OwnerId == runner.RunnerId, cancellationToken)
            ?? throw new UserInputException("id", $"no plan with id {id}", notFound: true);
    }

    internal static Response From(PlanRecord record, CheckedProfile input, Plan plan)
    {
        using var profile = JsonDocument.Parse(record.ProfileJson);
        return new Response(record.Id, record.Name, record.StartDate, record.Weeks, profile.RootElement.Clone(), record.CalendarToken,
            DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(record.UpdatedAt, DateTimeKind.Utc), plan)
        {
            RunnerProfile = input.Profile,
        };
    }
}
