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

    public async Task<IActionResult> OnGetAsync(long id, string date, int index, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return NotFound();
        }

        try
        {
            Plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        var found = Plan.Plan.Days.FirstOrDefault(d => d.Date == day);
        if (found is null || index < 0 || index >= found.Sessions.Count)
        {
            return NotFound();
        }

        Day = found;
        Session = found.Sessions[index];
        Index = index;
        LogUrl = PlanLabels.LogUrl(day, Features.Training.TrainingPlan.KeyOf(day, index));
        Week = Plan.Plan.Weeks.First(w => w.Days.Contains(found));
        var all = (await catalogue.AllAsync(cancellationToken)).ToDictionary(e => e.Slug, StringComparer.Ordinal);
        Exercises = Session.Exercises.Select(p =>
        {
            var exercise = all.GetValueOrDefault(p.Slug);
            return (p, exercise, exercise?.Progression.FirstOrDefault(v => v.Slug == p.Variant));
        }).ToList();
        return Page();
    }
}
