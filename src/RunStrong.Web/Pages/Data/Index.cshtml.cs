using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Portability;
using RunStrong.Web.Api;

namespace RunStrong.Web.Pages.Data;

/// <summary>
/// Your data: download all of it, import an export, or delete all of it (after a confirmation step). The antiforgery
/// token is checked by hand after the form is read, because the form must be read within the upload size limit first.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IConfiguration configuration, IAntiforgery antiforgery) : PageModel
{
    /// <summary>What the runner has now.</summary>
    public ImportRunnerData.Counts Stored { get; private set; } = new(0, 0, 0, 0, 0);

    public ImportRunnerData.Report? Imported { get; private set; }

    public DeleteRunnerData.Summary? Deleted { get; private set; }

    public string? Error { get; private set; }

    /// <summary>True on the confirmation step of deleting everything.</summary>
    [BindProperty(SupportsGet = true, Name = "confirm-delete")]
    public bool ConfirmDelete { get; set; }

    public long MaxMegabytes => UploadLimits.MaxBytes(configuration) / (1024 * 1024);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await CountAsync(cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        var (file, problem) = await DataApi.ReadUploadAsync(HttpContext, configuration, cancellationToken);
        if (problem is null && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (problem is not null)
        {
            Error = problem.ProblemDetails.Detail;
            Response.StatusCode = problem.StatusCode;
        }
        else
        {
            try
            {
                await using var stream = file!.OpenReadStream();
                Imported = await ImportRunnerData.HandleAsync(db, runner, clock, file.FileName, stream, cancellationToken);
            }
            catch (UserInputException e)
            {
                Error = e.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        await CountAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? confirm, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (confirm != "delete")
        {
            return Redirect("/data?confirm-delete=true");
        }

        Deleted = await DeleteRunnerData.HandleAsync(db, runner, cancellationToken);
        await CountAsync(cancellationToken);
        return Page();
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        var owner = runner.RunnerId;
        Stored = new ImportRunnerData.Counts(
            await db.Plans.CountAsync(p => p.OwnerId == owner, cancellationToken),
            await db.StrengthSessions.CountAsync(s => s.OwnerId == owner, cancellationToken),
            await db.LoggedSets.CountAsync(s => s.OwnerId == owner, cancellationToken),
            await db.SorenessCheckIns.CountAsync(c => c.OwnerId == owner, cancellationToken),
            await db.Activities.CountAsync(a => a.OwnerId == owner, cancellationToken));
    }
}
