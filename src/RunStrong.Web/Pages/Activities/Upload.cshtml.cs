using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Web.Api;

namespace RunStrong.Web.Pages.Activities;

/// <summary>
/// The upload form. Without JavaScript it posts here and the results come back as a page; wwwroot/js/upload.js
/// sends each file to the API instead, to show its progress and its results as they arrive. The antiforgery token is
/// checked by hand after the form is read, because the form must be read within the configured size limit first.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UploadModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, IConfiguration configuration, IAntiforgery antiforgery, Quartz.ISchedulerFactory schedulers) : PageModel
{
    public ImportActivities.Report? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The day given for files without times, as typed (kept when the page comes back).</summary>
    public string? Date { get; private set; }

    public long MaxMegabytes => UploadLimits.MaxBytes(configuration) / (1024 * 1024);

    /// <summary>A zip this large goes to a background import (upload.js leaves such uploads to the form).</summary>
    public long BackgroundBytes => UploadLimits.BackgroundBytes(configuration);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (form, problem) = await UploadLimits.ReadFormAsync(HttpContext, configuration, cancellationToken);
        if (problem is not null)
        {
            Error = problem.ProblemDetails.Detail;
            Response.StatusCode = problem.StatusCode;
            return Page();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (form!.Files.Count == 0)
        {
            Error = "files: choose one or more FIT, GPX, TCX or zip files first";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Date = form["date"].ToString();
        if (!ActivitiesApi.TryReadDate(Date, out var date, out var dateProblem))
        {
            Error = dateProblem!.ProblemDetails.Detail;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (UploadLimits.GoesToBackground(form.Files, configuration))
        {
            var (id, jobProblem) = await ImportsApi.StartFromFormAsync(HttpContext, db, runner, clock, configuration, schedulers, form, cancellationToken);
            if (jobProblem is not null)
            {
                Error = jobProblem.ProblemDetails.Detail;
                Response.StatusCode = jobProblem.StatusCode;
                return Page();
            }

            return Redirect($"/activities/imports/{id}");
        }

        Report = await ImportActivities.CollectAsync(
            ImportActivities.FromUploadsAsync(db, runner, clock, ActivitiesApi.Uploads(form.Files), new ImportActivities.Options(date), cancellationToken), cancellationToken);
        return Page();
    }
}
