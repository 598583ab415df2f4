using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>The whole plan on paper: one table per week, doses written out.</summary>
public sealed class PrintModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    public GetPlan.Response Plan { get; private set; } = null!;

    /// <summary>Each exercise and rung the plan uses, once, in order of first use: printed with its two pictures.</summary>
    public IReadOnlyList<(Exercise Exercise, ExerciseVariant? Variant)> Pictured { get; private set; } = [];

    /// <summary>The weight unit the viewer reads loads in (their settings): a plan made in kg reads in lb once they chose lb (docs/decisions/0037).</summary>
    public Domain.Training.MassUnit Weight { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            Plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
            Weight = (await Features.Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Weight;
            var all = (await catalogue.AllAsync(cancellationToken)).ToDictionary(e => e.Slug, StringComparer.Ordinal);
            Pictured = Plan.Plan.Days.SelectMany(d => d.Sessions).SelectMany(s => s.Exercises)
                .Select(p => (p.Slug, p.Variant)).Distinct()
                .Where(x => all.ContainsKey(x.Slug))
                .Select(x => (all[x.Slug], all[x.Slug].Progression.FirstOrDefault(v => v.Slug == x.Variant)))
                .ToList();
            return Page();
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }
}
