using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>One planned session: why it is there, and each exercise's dose with the catalogue's how-to.</summary>
public sealed class SessionModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    public GetPlan.Response Plan { get; private set; } = null!;

    public PlanDay Day { get; private set; } = null!;

    public PlanSession Session { get; private set; } = null!;

    public PlanWeek Week { get; private set; } = null!;

    /// <summary>The session's place in its day (its key's number).</summary>
    public int Index { get; private set; }

    public IReadOnlyList<(PlannedExercise Planned, Exercise? Exercise, ExerciseVariant? Variant)> Exercises { get; private set; } = [];

    /// <summary>Where "Log this" goes: the day on /log, naming the planned session (<c>2026-12-08#0</c>).</summary>
    public string LogUrl { get; private set; } = "";

    /// <summary>The weight unit the viewer reads loads in (their settings): a plan made in kg reads in lb once they chose lb (docs/decisions/0037).</summary>
    public Domain.Training.MassUnit Weight { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string date, int index, CancellationToken cancellationToken)
    {
        if (await PlanDayLookup.FindAsync(db, catalogue, runner, clock, id, date, cancellationToken) is not { } found
            || index < 0 || index >= found.Day.Sessions.Count)
        {
            return NotFound();
        }

        (Plan, Day, Week) = (found.Plan, found.Day, found.Week);
        Session = Day.Sessions[index];
        Weight = (await Features.Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Weight;
        Index = index;
        LogUrl = PlanLabels.LogUrl(Day.Date, Features.Training.TrainingPlan.KeyOf(Day.Date, index));
        var all = (await catalogue.AllAsync(cancellationToken)).ToDictionary(e => e.Slug, StringComparer.Ordinal);
        Exercises = Session.Exercises.Select(p =>
        {
            var exercise = all.GetValueOrDefault(p.Slug);
            return (p, exercise, exercise?.Progression.FirstOrDefault(v => v.Slug == p.Variant));
        }).ToList();
        return Page();
    }
}
