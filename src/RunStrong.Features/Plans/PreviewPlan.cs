using RunStrong.Features.Common;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;

namespace RunStrong.Features.Plans;

/// <summary>A plan from a profile without storing anything: <c>runstrong plan</c> and <c>POST /api/plans/preview</c>.</summary>
public static class PreviewPlan
{
    /// <param name="Profile">The runner profile as JSON (RunnerProfileJson's shape).</param>
    /// <param name="Start">First day; default the profile's <c>start</c>, else today.</param>
    /// <param name="Weeks">Plan length for a plan without a race.</param>
    /// <param name="Today">The runner's day (in their time zone) when the caller knows the runner; else the UTC day.</param>
    public sealed record Request(string? Profile, DateOnly? Start = null, int? Weeks = null, DateOnly? Today = null);

    public sealed record Response(RunnerProfile Profile, DateOnly Start, Plan Plan);

    public static async Task<Response> HandleAsync(ExerciseCatalogue catalogue, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var input = PlanInput.Read(request.Profile, request.Start, request.Weeks, request.Today ?? Clocks.Today(clock));
        var plan = PlanInput.Generate(input, await catalogue.AllAsync(cancellationToken));
        return new Response(input.Profile, input.Start, plan);
    }
}
