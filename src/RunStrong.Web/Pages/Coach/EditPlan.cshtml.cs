using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Coaching;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;
using RunStrong.Web.Pages.Plans;

namespace RunStrong.Web.Pages.Coach;

/// <summary>
/// /coach/{runnerId}/plans/{id}/edit: the plan's profile form (the runner's own edit form) for a coach the athlete lets
/// change plans. 404 without a share, 403 with a read-only one.
/// </summary>
public sealed class EditPlanModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner coach, TimeProvider clock) : PageModel
{
    private const string Submit = "Save and re-plan";

    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public ProfileFormView View { get; private set; } = null!;

    public AthleteAccess.Athlete Athlete { get; private set; } = null!;

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid runnerId, long id, CancellationToken cancellationToken)
    {
        try
        {
            if (await OpenAsync(runnerId, id, cancellationToken) is { } refused)
            {
                return refused;
            }

            var plan = await AthletePlan.HandleAsync(db, catalogue, Athlete, clock, id, cancellationToken);
            Form = ProfileForm.From(plan.Name, plan.RunnerProfile, plan.StartDate);
            View = new(Form, new Dictionary<string, List<string>>(), ProfileForm.EquipmentChoices(await catalogue.AllAsync(cancellationToken)), Submit);
            return Page();
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid runnerId, long id, CancellationToken cancellationToken)
    {
        try
        {
            if (await OpenAsync(runnerId, id, cancellationToken) is { } refused)
            {
                return refused;
            }

            var plan = await AthletePlan.HandleAsync(db, catalogue, Athlete, clock, id, cancellationToken);
            var errors = Form.Check(await Features.Training.TrainingData.TodayAsync(db, Athlete.Runner, clock, cancellationToken), out _, plan.StartDate);
            if (errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                View = new(Form, ProfileForm.Group(errors), ProfileForm.EquipmentChoices(await catalogue.AllAsync(cancellationToken)), Submit);
                return Page();
            }

            await UpdatePlan.HandleAsync(db, Athlete.Runner, clock, id, new UpdatePlan.Request(Form.Name, Form.ToJson(), Form.Start, Form.WeeksForPlan), cancellationToken);
            return Redirect($"/coach/{runnerId}?plan={id}");
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>Checks the share (not found without one) and that it allows plan editing (403); null when both hold.</summary>
    private async Task<IActionResult?> OpenAsync(Guid runnerId, long id, CancellationToken cancellationToken)
    {
        Athlete = await AthleteAccess.OpenAsync(db, coach, runnerId, cancellationToken);
        (Id, Name) = (id, Athlete.Name);
        return Athlete.CanEditPlans ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
