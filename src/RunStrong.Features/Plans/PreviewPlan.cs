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
    /// <param name="Runner">The runner's settings when the caller knows the runner: their day (in their time zone) is
    /// today, and the units the profile leaves out are theirs; else the UTC day, km and kg.</param>
    public sealed record Request(string? Profile, DateOnly? Start = null, int? Weeks = null, Settings.RunnerPreferences? Runner = null);

    public sealed record Response(RunnerProfile Profile, DateOnly Start, Plan Plan);

    public static async Task<Response> HandleAsync(ExerciseCatalogue catalogue, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        var input = PlanInput.Read(request.Profile, request.Start, request.Weeks, request.Runner?.Today(clock) ?? Clocks.Today(clock), runnersUnits: request.Runner);
        var plan = PlanInput.Generate(input, await catalogue.AllAsync(cancellationToken));
        return new Response(input.Profile, input.Start, plan);
    }
}
