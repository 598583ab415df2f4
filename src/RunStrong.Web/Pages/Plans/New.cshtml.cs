using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

public sealed class NewModel(RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public ProfileFormView View { get; private set; } = null!;

    private Task<DateOnly> TodayAsync(CancellationToken cancellationToken) => Features.Training.TrainingData.TodayAsync(db, runner, clock, cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = ProfileForm.Defaults(await TodayAsync(cancellationToken));
        // The plan's units start as the runner's own (Settings); the wizard can still change them for this plan.
        var preferences = await Features.Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        Form.DistanceUnit = preferences.DistanceName;
        Form.WeightUnit = preferences.WeightName;
        View = new(Form, new Dictionary<string, List<string>>(), ProfileForm.EquipmentChoices(await catalogue.AllAsync(cancellationToken)), "Make my plan");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = Form.Check(await TodayAsync(cancellationToken), out _);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            View = new(Form, ProfileForm.Group(errors), ProfileForm.EquipmentChoices(await catalogue.AllAsync(cancellationToken)), "Make my plan");
            return Page();
        }

        var created = await CreatePlan.HandleAsync(db, runner, clock, new CreatePlan.Request(Form.Name, Form.ToJson(), Form.Start, Form.WeeksForPlan), cancellationToken);
        return Redirect($"/plans/{created.Id}");
    }
}
