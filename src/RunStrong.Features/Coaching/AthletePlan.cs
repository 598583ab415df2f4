using System.Text.Json;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Plans;

namespace RunStrong.Features.Coaching;

/// <summary>
/// An athlete's plan as their coach sees it: what <see cref="GetPlan"/> gives the runner, without the private calendar
/// address (the coach would keep reading it after the runner stops sharing), and with whether the coach may change it.
/// </summary>
public static class AthletePlan
{
    public sealed record Response(
        long Id, string Name, DateOnly StartDate, int? Weeks, JsonElement Profile, DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit, Plan Plan)
    {
        /// <summary>The profile as the generator reads it (for the edit form; not in the JSON).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public RunnerProfile RunnerProfile { get; init; } = null!;
    }

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ExerciseCatalogue catalogue, AthleteAccess.Athlete athlete, TimeProvider clock, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        var plan = await GetPlan.HandleAsync(db, catalogue, athlete.Runner, clock, id, cancellationToken);
        return new Response(plan.Id, plan.Name, plan.StartDate, plan.Weeks, plan.Profile, plan.CreatedAt, plan.UpdatedAt, athlete.CanEditPlans, plan.Plan)
        {
            RunnerProfile = plan.RunnerProfile,
        };
    }
}
