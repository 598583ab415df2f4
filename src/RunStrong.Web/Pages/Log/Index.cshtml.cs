using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;

namespace RunStrong.Web.Pages.Log;

/// <summary>
/// The gym page: the day's planned sessions (strength set by set, pre-filled from the progression engine; hill sprints;
/// drills; the run), the unplanned sets, and the day's runs and check-ins, every one of them loggable, correctable and
/// deletable. Works without JavaScript (each form posts here and a refused set comes back in its form with the error
/// beside the field); with it, wwwroot/js/log.js stores each set through the API the moment it is done, keeps sets that
/// cannot be sent yet in a queue on the phone, and never loses or doubles one.
/// </summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    public DayLog.Response Day { get; private set; } = null!;

    /// <summary>A refused set, shown back in its form with what was typed: the form's key, the field and the message.</summary>
    public (string Key, string Field, string Message, SetForm Typed)? Refused { get; private set; }

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    /// <summary>The position the next unplanned set takes.</summary>
    public int NextUnplannedPosition => Day.Strength.Unplanned is { Sets.Count: > 0 } s ? s.Sets.Max(x => x.Position) + 1 : 0;

    public sealed class SetForm
    {
        public DateOnly? Date { get; set; }

        public string? PlannedSessionKey { get; set; }

        public int? Position { get; set; }

        /// <summary>The set's own key (<see cref="LogSet.Request.ClientId"/>), made when the form was drawn.</summary>
        public string? ClientId { get; set; }

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

    public sealed class SessionForm
    {
        public DateOnly? Date { get; set; }

        public string? PlannedSessionKey { get; set; }

        public string? Status { get; set; }

        public int? Reps { get; set; }

        public int? Seconds { get; set; }

        public double? GradePercent { get; set; }

        public string? Notes { get; set; }
    }

    public async Task OnGetAsync(DateOnly? date, string? saved, CancellationToken cancellationToken)
    {
        Saved = saved is { Length: > 0 and < 200 } ? saved : null;
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
                ClientId = form.ClientId,
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
            var message = Uri.EscapeDataString(string.Create(CultureInfo.InvariantCulture, $"Set {result.Position + 1} saved."));
            return Redirect(string.Create(CultureInfo.InvariantCulture,
                $"/log?date={result.Date:yyyy-MM-dd}&saved={message}#set-{Anchor(result.PlannedSessionKey)}-{result.Position}"));
        }
        catch (UserInputException ex)
        {
            // The set stays in its form, as typed, with the error beside the field: nothing is lost.
            Refused = (FormKey(form.PlannedSessionKey, form.Position ?? NextUnplannedPosition), FieldOf(ex.Field), FieldMessage.Beside(ex), form);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(form.Date, cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteSetAsync(long id, DateOnly? date, CancellationToken cancellationToken)
    {
        try
        {
            await EditLog.DeleteSetAsync(db, runner, id, cancellationToken);
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/log?date={date:yyyy-MM-dd}&saved={Uri.EscapeDataString("Set deleted.")}"));
        }
        catch (UserInputException ex)
        {
            return await RefusedAsync(ex, date, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostSessionAsync([FromForm] SessionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        try
        {
            var result = await LogPlannedSession.HandleAsync(db, runner, clock, new LogPlannedSession.Request
            {
                PlannedSessionKey = form.PlannedSessionKey,
                Status = form.Status,
                Reps = form.Reps,
                Seconds = form.Seconds,
                GradePercent = form.GradePercent,
                Notes = form.Notes,
            }, cancellationToken);
            return Redirect(string.Create(CultureInfo.InvariantCulture,
                $"/log?date={result.Log.Date:yyyy-MM-dd}&saved={Uri.EscapeDataString(result.Log.Summary + ".")}#session-{Anchor(result.Log.PlannedSessionKey)}"));
        }
        catch (UserInputException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(form.Date, cancellationToken);
            return Page();
        }
    }

    /// <summary>The runner's choice for a watch session that duplicates one logged by hand.</summary>
    public async Task<IActionResult> OnPostKeepAsync(long id, string? keep, DateOnly? date, CancellationToken cancellationToken)
    {
        try
        {
            var result = await WatchStrength.ChooseAsync(db, runner, id, keep, cancellationToken);
            var said = result.Keep switch
            {
                "watch" => "Kept the watch's session.",
                "mine" => "Kept your session; the watch's sets are gone (the activity stays).",
                _ => "Kept both sessions.",
            };
            return SavedOn(date, said);
        }
        catch (UserInputException ex)
        {
            return await RefusedAsync(ex, date, cancellationToken);
        }
    }

    /// <summary>Maps a Garmin exercise name on the watch's sets to a catalogue exercise ("hip-thrust|barbell").</summary>
    public async Task<IActionResult> OnPostMapGarminAsync(string? garmin, string? exerciseVariant, DateOnly? date, CancellationToken cancellationToken)
    {
        try
        {
            var parts = (exerciseVariant ?? "").Split('|', 2);
            var sets = await WatchStrength.MapAsync(db, runner, clock, garmin, parts[0], parts.Length > 1 ? parts[1] : null, cancellationToken);
            var exercise = SetWords.Exercise(await new Features.Catalogue.ExerciseCatalogue(db).AllAsync(cancellationToken), parts[0], parts.Length > 1 ? parts[1] : "");
            var said = string.Create(CultureInfo.InvariantCulture, $"{sets} {(sets == 1 ? "set" : "sets")} from your watch now {exercise}.");
            return SavedOn(date, said);
        }
        catch (UserInputException ex)
        {
            return await RefusedAsync(ex, date, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostLinkRunAsync(long activity, DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            await DayLog.LinkRunAsync(db, runner, activity, date, cancellationToken);
            return SavedOn(date, "Run counted for this day's plan.");
        }
        catch (UserInputException ex)
        {
            return await RefusedAsync(ex, date, cancellationToken);
        }
    }

    /// <summary>Back to the day's log, saying what was saved.</summary>
    private RedirectResult SavedOn(DateOnly? date, string said) =>
        Redirect(string.Create(CultureInfo.InvariantCulture, $"/log?date={date:yyyy-MM-dd}&saved={Uri.EscapeDataString(said)}"));

    /// <summary>The day's log again with the refusal shown beside it: 404 for another runner's row, 400 for a bad value.</summary>
    private async Task<IActionResult> RefusedAsync(UserInputException ex, DateOnly? date, CancellationToken cancellationToken)
    {
        Error = ex.Message;
        Response.StatusCode = ex.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        await LoadAsync(date, cancellationToken);
        return Page();
    }

    /// <summary>The day's log; a day outside the days RunStrong shows (<c>?date=9999-12-31</c>) shows today, saying why.</summary>
    private async Task LoadAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        try
        {
            Day = await DayLog.HandleAsync(db, runner, clock, date, cancellationToken);
        }
        catch (UserInputException ex) when (date is not null && ex.Field == "date")
        {
            Error ??= ex.Message + "; showing today";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Day = await DayLog.HandleAsync(db, runner, clock, null, cancellationToken);
        }
    }

    /// <summary>The key of a set's form: its planned session (empty when unplanned) and position.</summary>
    public static string FormKey(string? plannedSessionKey, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{plannedSessionKey}|{position}");

    /// <summary>A planned session key as an HTML id part (<c>2026-12-08#0</c> -> <c>2026-12-08-0</c>).</summary>
    /// <summary>A new key for a set not stored yet (<see cref="LogSet.Request.ClientId"/>).</summary>
    public static string NewClientId() => Guid.NewGuid().ToString("N");

    public static string Anchor(string? key) => key is null ? "unplanned" : key.Replace('#', '-');

    /// <summary>"sets[3].load" -> "load": the form field an error is about.</summary>
    public static string FieldOf(string field) => field[(field.LastIndexOf('.') + 1)..];

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Human(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>A logged set's load as the runner types it: the number in the runner's unit ("60", "132.5").</summary>
    public string LoadNumber(LoggedSetView set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.LoadValue is not { } value)
        {
            return "";
        }

        var mass = Domain.Training.Mass.From(value, set.LoadUnit == "lb" ? Domain.Training.MassUnit.Pounds : Domain.Training.MassUnit.Kilograms);
        return Math.Round(mass.In(Day.Preferences.Weight), 2).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A prescribed load ("62.5 kg") as a number in the runner's unit.</summary>
    public string LoadNumber(string? prescribed)
    {
        if (string.IsNullOrWhiteSpace(prescribed) || !Domain.Training.Mass.TryParse(prescribed, out var mass, out _))
        {
            return "";
        }

        return Math.Round(mass.In(Day.Preferences.Weight) * 2, MidpointRounding.AwayFromZero) is var halves
            ? (halves / 2).ToString("0.#", CultureInfo.InvariantCulture)
            : "";
    }

    /// <summary>The smallest load step a stepper takes: 2.5 kg or 5 lb (the smallest plates in pairs).</summary>
    public string LoadStep => Day.Preferences.Weight == Domain.Training.MassUnit.Pounds ? "5" : "2.5";

    /// <summary>"external", "band", "bodyweight" or "external-plus-band" for a rung, and whether it is a timed hold.</summary>
    public static (string Load, bool Timed) Kind(Exercise exercise, ExerciseVariant variant)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(variant);
        return (Kebab.Name(variant.Load), exercise.Dose.Seconds is not null && exercise.Dose.RepsMin is null);
    }
}

/// <summary>One set's form on the gym page (a planned set, or an unplanned set already logged).</summary>
/// <param name="Key">The form's key (<see cref="IndexModel.FormKey"/>).</param>
/// <param name="Load">The load as a number in the runner's unit, "" for none.</param>
/// <param name="Logged">The set as stored, null while not done.</param>
public sealed record SetRowView(
    string Key, DateOnly Date, string? PlannedKey, int Position, string Exercise, string Variant, string Label, int SetNumber,
    int? Reps, int? Seconds, string Load, bool TakesLoad, string? Band, bool HasBand, double? Rpe, bool Pain, int RestSeconds,
    LoggedSetView? Logged, string? ErrorField, string? ErrorMessage, string Unit, string LoadStep);
