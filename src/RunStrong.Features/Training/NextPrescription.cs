using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// The next session's prescription per exercise, computed from the log by <see cref="ProgressionRules"/>, each with its
/// reason ("last time 3 x 12 at RPE 7: add a loop band"). With a plan: its exercises first, the runner's equipment from
/// the plan's profile, and a deload when the day falls in a deload week. Without one, any equipment is assumed
/// (docs/decisions/0016-training-log-and-predictions.md). Loads are worked out and rounded in the runner's weight unit
/// from their settings, whatever unit the plan was made in or the sets were logged in (docs/decisions/0037).
/// </summary>
public static class NextPrescription
{
    /// <param name="Exercise">One exercise's slug; null for every exercise planned next or found in the log.</param>
    /// <param name="Date">The day to prescribe for (deload weeks); today when left out.</param>
    public sealed record Request(string? Exercise = null, DateOnly? Date = null);

    public sealed record Item(
        string Exercise,
        string ExerciseName,
        string Variant,
        string VariantName,
        int Sets,
        int? RepsMin,
        int? RepsMax,
        int? TargetReps,
        int? Seconds,
        string? Load,
        double? LoadValue,
        string? LoadUnit,
        string? Band,
        double TargetRpe,
        ProgressionStep Step,
        string Reason,
        int RestSeconds,
        bool SingleLeg);

    public sealed record Response(DateOnly Date, bool Deload, string? Plan, string? PlannedSessionKey, IReadOnlyList<Item> Exercises);

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var date = request.Date ?? await TrainingData.TodayAsync(db, runner, clock, cancellationToken);
        var plan = await TrainingPlan.ForDayAsync(db, runner, catalogue, date, cancellationToken)
            ?? await TrainingPlan.NewestAsync(db, runner, catalogue, cancellationToken);
        var next = plan?.NextStrength(date);

        IReadOnlyList<string> slugs;
        if (!string.IsNullOrWhiteSpace(request.Exercise))
        {
            var slug = request.Exercise.Trim().ToLowerInvariant();
            if (!catalogue.Any(e => e.Slug == slug))
            {
                throw new UserInputException("exercise", $"unknown exercise '{request.Exercise.Trim()}'; see `runstrong exercises` or /exercises for the slugs");
            }

            slugs = [slug];
        }
        else
        {
            slugs = (next?.Session.Exercises.Select(e => e.Slug) ?? [])
                .Concat(await TrainingData.ExercisesLoggedAsync(db, runner, cancellationToken))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        // What was logged up to the day asked about (today): a session logged ahead on a later plan day (allowed for a
        // week, LoggedDays) is not "last time" for this one; the gym page reads the same way (TodaysSession).
        var log = await ExerciseLogs.ReadAsync(db, runner, slugs, date.AddDays(1), IsDeload(plan), cancellationToken);
        var deload = plan?.IsDeload(next?.Date ?? date) ?? false;
        var unit = (await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken)).Weight;
        var items = slugs.Select(slug => Prescribe(catalogue.First(e => string.Equals(e.Slug, slug, StringComparison.OrdinalIgnoreCase)),
            plan, log, deload, unit, next?.Session.Exercises.FirstOrDefault(p => p.Slug == slug))).ToArray();
        return new Response(next?.Date ?? date, deload, plan?.Record.Name, next?.Key, items);
    }

    /// <summary>A session counts as a deload week's when it was logged for <paramref name="plan"/> in one of its deload weeks.</summary>
    internal static Func<DateOnly, long?, bool> IsDeload(TrainingPlan? plan) =>
        (date, planId) => plan is not null && planId == plan.Record.Id && plan.IsDeload(date);

    /// <summary>One exercise's prescription, its loads in <paramref name="unit"/> (the runner's); also used to pre-fill the gym page.</summary>
    internal static Item Prescribe(
        Exercise exercise,
        TrainingPlan? plan,
        ExerciseLogs log,
        bool deload,
        MassUnit unit,
        PlannedExercise? planned = null)
    {
        var history = log.History;
        // The plan's equipment with what its places imply (a gym's barbell and bench), and whatever the runner has logged
        // this exercise with: a runner who logged a barbell hip thrust has a barbell and a bench.
        IReadOnlySet<Equipment> equipment = plan is not null
            ? plan.Profile.AvailableEquipment
                .Concat(log.VariantsOf(exercise.Slug).Select(slug => exercise.Progression.FirstOrDefault(v => v.Slug == slug))
                    .OfType<ExerciseVariant>().SelectMany(v => v.Equipment))
                .ToHashSet()
            : Enum.GetValues<Equipment>().ToHashSet();
        var prescription = ProgressionRules.Next(new ProgressionRequest
        {
            Exercise = exercise,
            AvailableEquipment = equipment,
            History = history,
            CheckIns = log.CheckIns,
            DeloadWeek = deload,
            Unit = unit,
            Experience = plan?.Profile.Experience,
        });
        var unitName = unit == MassUnit.Pounds ? "lb" : "kg";
        var neverDone = !history.Any(h => h.SetsOf(exercise.Slug).Count > 0);
        if (neverDone && planned is not null && exercise.Progression.FirstOrDefault(v => v.Slug == planned.Variant) is { } rung)
        {
            // No history: the plan already chose the rung for the runner's experience and equipment; take it as planned.
            var loaded = rung.Load is LoadKind.External or LoadKind.ExternalPlusBand;
            // The plan's starting load in the runner's unit, on their bar: a plan made in kg read in lb (40 kg -> 90 lb).
            Mass? planLoad = loaded && planned.Load is { } text && Mass.TryParse(text, out var parsed, out _) ? parsed : null;
            Mass? start = planLoad is { } p ? LoadSteps.OnTheBar(p, rung, unit) : null;
            var planUnit = plan?.Profile.MassUnit ?? unit;
            var dose = planned.RepsMin is { } min
                ? $"{planned.Sets} x {min}{(exercise.SingleLeg ? " each leg" : "")}"
                : $"{planned.Sets} x {planned.Seconds} s";
            var rpe = planned.Rpe ?? (deload ? 6 : 7);
            var how = !loaded ? ""
                : start is { } startLoad && planUnit == unit ? $" at {startLoad.Format(unit)} ({planned.LoadNote})"
                : start is { } converted ? $" at {converted.Format(unit)} (your plan's {planLoad!.Value.Format(planUnit)}, to the nearest {LoadSteps.SmallestStep(rung, unit).Format(unit)})"
                : $", with a load you could lift about {(planned.RepsMin ?? 10) + 3} times";
            return new Item(exercise.Slug, exercise.Name, rung.Slug, rung.Name, planned.Sets, planned.RepsMin, planned.RepsMax, planned.RepsMin,
                planned.Seconds, start?.Format(unit), start is { } v ? Math.Round(v.In(unit), 2) : null, start is null ? null : unitName,
                rung.Load is LoadKind.Band or LoadKind.ExternalPlusBand ? "light" : null, rpe,
                deload ? ProgressionStep.Deload : ProgressionStep.Start,
                $"{(deload ? "deload week, " : "")}first time: {rung.Name} as your plan has it, {dose} at RPE {rpe}{how}",
                planned.RestSeconds, exercise.SingleLeg);
        }

        return new Item(
            exercise.Slug,
            exercise.Name,
            prescription.Variant.Slug,
            prescription.Variant.Name,
            prescription.Sets,
            prescription.RepsMin,
            prescription.RepsMax,
            prescription.TargetReps,
            prescription.Seconds,
            prescription.Load?.Format(unit),
            prescription.Load is { } m ? Math.Round(m.In(unit), 2) : null,
            prescription.Load is null ? null : unitName,
            prescription.Band is { } b ? Kebab.Name(b) : null,
            prescription.TargetRpe,
            prescription.Step,
            prescription.Reason,
            exercise.Dose.RestSeconds,
            exercise.SingleLeg);
    }
}
