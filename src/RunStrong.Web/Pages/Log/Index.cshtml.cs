using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;

namespace RunStrong.Web.Pages.Log;

/// <summary>
/// The gym page: the day's planned strength session pre-filled, one form per set ("Done" logs it), and a form for unplanned
/// sets. Works without JavaScript (each form posts here); with it, wwwroot/js/log.js queues sets and retries them.
/// </summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, ExerciseCatalogue catalogue) : PageModel
{
    public TodaysSession.Response Today { get; private set; } = null!;

    public IReadOnlyList<Exercise> Exercises { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    /// <summary>The position the next unplanned set takes.</summary>
    public int NextUnplannedPosition => Today.Unplanned is { Sets.Count: > 0 } s ? s.Sets.Max(x => x.Position) + 1 : 0;

    public sealed class SetForm
    {
        public DateOnly? Date { get; set; }

        public string? PlannedSessionKey { get; set; }

        public int? Position { get; set; }

        public string? Exercise { get; set; }

        public string? Variant { get; set; }

        /// <summary>"hip-thrust|barbell" from the unplanned form's single select.</summary>
        public string? ExerciseVariant { get; set; }

        public int? Reps { get; set; }

        public string? Load { get; set; }

        public string? Band { get; set; }

        public int? Seconds { get; set; }

        public double? Rpe { get; set; }

        public bool Pain { get; set; }
    }

    public async Task OnGetAsync(DateOnly? date, int? saved, CancellationToken cancellationToken)
    {
        if (saved is { } position)
        {
            Saved = string.Create(CultureInfo.InvariantCulture, $"Set {position + 1} saved.");
        }

        await LoadAsync(date, cancellationToken);
    }

    public async Task<IActionResult> OnPostSetAsync([FromForm] SetForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (exercise, variant) = form.ExerciseVariant is { Length: > 0 } ev && ev.Split('|') is [var e, var v]
            ? (e, v)
            : (form.Exercise, form.Variant);
        try
        {
            var result = await LogSet.HandleAsync(db, runner, clock, new LogSet.Request
            {
                Date = form.Date,
                PlannedSessionKey = form.PlannedSessionKey,
                Position = form.Position,
                Set = new SetInput
                {
                    Exercise = exercise,
                    Variant = variant,
                    Reps = form.Reps,
                    Load = form.Load,
                    Band = form.Band,
                    Seconds = form.Seconds,
                    Rpe = form.Rpe,
                    Pain = form.Pain,
                },
            }, cancellationToken);
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/log?date={result.Date:yyyy-MM-dd}&saved={result.Position}#set-{result.PlannedSessionKey ?? "unplanned"}-{result.Position}"));
        }
        catch (UserInputException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(form.Date, cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        Today = await TodaysSession.HandleAsync(db, runner, clock, date, cancellationToken);
        Exercises = await catalogue.AllAsync(cancellationToken);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Human(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    public static string LoadText(LoggedSetView set) =>
        set.LoadValue is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l:0.##} {set.LoadUnit}") : "";
}
