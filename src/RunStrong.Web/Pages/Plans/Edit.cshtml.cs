using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

public sealed class EditModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public ProfileFormView View { get; private set; } = null!;

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
            (Id, Name) = (plan.Id, plan.Name);
            Form = ProfileForm.From(plan.Name, plan.RunnerProfile, plan.StartDate);
            View = new(Form, new Dictionary<string, List<string>>(), ProfileForm.EquipmentChoices(await catalogue.AllAsync(cancellationToken)), "Save and re-plan");
            return Page();
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await GetPlan.HandleAsync(db, catalogue, runner, clock, id, cancellationToken);
            (Id, Name) = (plan.Id, plan.Name);
            var errors = Form.Check(await Features.Training.TrainingData.TodayAsync(db, runner, clock, cancellationToken), out _, plan.StartDate);
            if (errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                View = new(Form, ProfileForm.Group(errors), ProfileForm.EquipmentChoices(await catalogue.AllAsync(cancellationToken)), "Save and re-plan");
                return Page();
            }

            await UpdatePlan.HandleAsync(db, runner, clock, id, new UpdatePlan.Request(Form.Name, Form.ToJson(), Form.Start, Form.WeeksForPlan), cancellationToken);
            return Redirect($"/plans/{id}");
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
    }
}
