using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Prediction;
using RunStrong.Domain.Training;
using RunStrong.Features.Common;
using RunStrong.Features.Training;

namespace RunStrong.Features.Predictions;

/// <summary>
/// Race predictions with Riegel, Daniels–Gilbert (VDOT) and Cameron side by side (domain.md §5), from a result the runner
/// enters (<c>5k=20:00</c>) or, when none is given, from the best effort in stored runs. Shared by
/// <c>runstrong predict</c>, <c>/api/predictions</c> and the predictions page.
/// </summary>
public static class Predict
{
    /// <summary>Predicted for when no target is given.</summary>
    public static IReadOnlyList<RaceDistance> DefaultTargets { get; } =
        [RaceDistance.Kilometre, RaceDistance.Mile, RaceDistance.FiveK, RaceDistance.TenK, RaceDistance.HalfMarathon, RaceDistance.Marathon];

    /// <param name="From">DISTANCE=TIME, e.g. 5k=20:00 or half=1:32:00; null to start from stored runs.</param>
    /// <param name="To">One target distance; null for <see cref="DefaultTargets"/>.</param>
    /// <param name="RiegelExponent">1.0–1.3; 1.06 when left out.</param>
    public sealed record Request(string? From = null, string? To = null, double? RiegelExponent = null);

    public sealed record FromView(double DistanceMeters, double Seconds);

    /// <param name="Model">riegel, vdot or cameron.</param>
    /// <param name="Seconds">The model's time; null when the model is left out (the input is outside the range it holds).</param>
    /// <param name="LeftOut">Why the model is left out, in the runner's words; null when it holds.</param>
    public sealed record ModelPrediction(string Model, double DistanceMeters, double? Seconds, string? LeftOut = null);

    /// <summary>
    /// The machine shape: <c>{from: {distanceMeters, seconds}, vdot, predictions: [{model, distanceMeters, seconds, leftOut}]}</c>.
    /// <c>vdot</c> is the formula's value even outside Daniels' tables (30–85); then every vdot prediction is left out.
    /// </summary>
    public sealed record Result(FromView From, double Vdot, IReadOnlyList<ModelPrediction> Predictions);

    /// <summary>One target as people read it: times rounded to what is known ("—" for a model left out), and the notes (the marathon caveat, why a model is left out).</summary>
    public sealed record Row(string Distance, double DistanceMeters, string Riegel, string Vdot, string Cameron, IReadOnlyList<string> Notes);

    /// <param name="Source">"entered", "best effort of a stored run" (<see cref="StoredSource"/>) or "a result entered in your plan “…”" (<see cref="StartAsync"/>).</param>
    public sealed record Response(Result Result, IReadOnlyList<Row> Rows, string FromName, string FromTime, double RiegelExponent, string Source, DateOnly? SourceDate, IReadOnlyList<RacePrediction> Predictions)
    {
        /// <summary>The goal race of the current plan, predicted from the same result; null without a plan naming a race.</summary>
        public GoalRaceView? Goal { get; init; }

        /// <summary>True when the result's VDOT lies in Daniels' tables (30–85); else it is shown flagged and no VDOT prediction is made.</summary>
        public bool VdotIsCovered => TrainingPaces.IsCovered(Result.Vdot);

        /// <summary>Stored runs with best efforts left out of predictions, by why ("a trail run": 2); empty for an entered result.</summary>
        public IReadOnlyDictionary<string, int> LeftOut { get; init; } = new Dictionary<string, int>();
    }

    /// <summary>The current plan's goal race and what the result predicts for it.</summary>
    /// <param name="Name">The race's name, else the plan's.</param>
    /// <param name="Distance">How people name the distance ("10 km", "half marathon", "marathon").</param>
    /// <param name="Seconds">The Daniels–Gilbert (VDOT) prediction, the middle model, rounded to 0.01 s; the slowest model shown when VDOT is left out.</param>
    /// <param name="Predicted">That prediction as people read it (rounded to what is known).</param>
    /// <param name="Range">Fastest to slowest of the models shown, as people read them.</param>
    /// <param name="PaceSecondsPerKm">The pace the predicted time needs, s/km.</param>
    /// <param name="Notes">The models' notes for the distance (the marathon caveat, a model left out).</param>
    public sealed record GoalRaceView(
        string Name, double DistanceMeters, string Distance, DateOnly Date, double Seconds, string Predicted, string Range, double PaceSecondsPerKm, IReadOnlyList<string> Notes)
    {
        /// <summary>How many of the three models gave a figure, 1–3 (<see cref="Range"/> spans these).</summary>
        public int Models { get; init; } = 3;
    }

    /// <summary>The current plan's goal race, predicted from <paramref name="response"/>'s result; null without one.</summary>
    public static async Task<GoalRaceView?> GoalAsync(RunStrongDbContext db, ICurrentRunner runner, Response response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (await TrainingPlan.GoalRaceAsync(db, runner, cancellationToken) is not var (race, planName))
        {
            return null;
        }

        var target = RaceDistance.FromMetres(race.DistanceMetres);
        var from = RaceDistance.FromMetres(response.Result.From.DistanceMeters);
        var p = RacePredictor.Predict(from, RaceTime.FromSeconds(response.Result.From.Seconds), [target], response.RiegelExponent)[0];
        // The middle model; outside its range, the cautious end of those that hold. None holds: nothing to predict.
        if ((p.DanielsGilbert ?? p.Slowest) is not { } predicted)
        {
            return null;
        }

        var seconds = predicted.TotalSeconds;
        return new GoalRaceView(
            race.Name ?? planName,
            race.DistanceMetres,
            Domain.Activities.Metrics.BestEfforts.Name(race.DistanceMetres),
            race.Date,
            Math.Round(seconds, 2),
            p.Display(predicted),
            p.Fastest == p.Slowest ? p.Display(p.Fastest) : $"{p.Display(p.Fastest)}–{p.Display(p.Slowest)}",
            seconds / (race.DistanceMetres / 1000),
            p.Notes)
        {
            Models = new[] { p.Riegel, p.DanielsGilbert, p.Cameron }.Count(t => t is not null),
        };
    }

    /// <summary>A result predictions start from when none is entered.</summary>
    /// <param name="Source">In the runner's words: "best effort of a stored run" or "a result entered in your plan “Spring 10k”".</param>
    /// <param name="Date">The day of the result; null for a plan's result entered without one.</param>
    public sealed record Start(RaceDistance Distance, RaceTime Time, string Source, DateOnly? Date);

    /// <summary>What stored data offers predictions to start from.</summary>
    /// <param name="Start">The recent result predictions start from; null when there is none (docs/decisions/0039).</param>
    /// <param name="Newest">The newest stored performance however old, to say how old it is; null without any.</param>
    /// <param name="Today">The runner's today, which "recent" is counted from.</param>
    /// <param name="LeftOut">Stored runs with best efforts left out of predictions, by why.</param>
    public sealed record Starting(Start? Start, Performance? Newest, DateOnly Today, IReadOnlyDictionary<string, int> LeftOut)
    {
        /// <summary>
        /// Why there is no start, in the runner's words and lower case ("no road run or race in the last 12 months …: your newest,
        /// 1mi in 8:56 on 2018-04-23, is 8 years old, and your fitness has changed since"); null when there is one.
        /// </summary>
        public string? Missing => Start is not null
            ? null
            : Newest is { } old
                ? string.Create(CultureInfo.InvariantCulture,
                    $"no road run or race in the last {StoredPerformances.RecentMonths} months has a best effort of a mile or more, nor has your plan a result that recent: your newest, {old.Distance.Name} in {old.Time} on {old.Date:yyyy-MM-dd}, is {Age(old.Date, Today)} old, and your fitness has changed since")
                : "no stored road run or race has a best effort of a mile or more that anyone can run, nor has your plan a recent result";
    }

    /// <summary>
    /// The one rule for what predictions from stored data start from (docs/decisions/0039): the best stored effort of the last
    /// 90 days, else of the newest month with one in the last <see cref="StoredPerformances.RecentMonths"/> months
    /// (<see cref="StoredPerformances.Best"/>); else the best result entered in the current plan's profile in that window (an
    /// undated one counts from the plan's start), so the goal race agrees with the plan's race day; else none.
    /// </summary>
    public static async Task<Starting> StartAsync(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (performances, leftOut) = await StoredPerformances.WithLeftOutAsync(db, runner, cancellationToken);
        var today = await TrainingData.TodayAsync(db, runner, clock, cancellationToken);
        var start = StoredPerformances.Best(performances, today) is { } best
            ? new Start(best.Distance, best.Time, StoredSource, best.Date)
            : await PlanResultAsync(db, runner, today, cancellationToken);
        return new Starting(start, StoredPerformances.Newest(performances, today), today, leftOut);
    }

    /// <summary>The source of a start from stored runs.</summary>
    public const string StoredSource = "best effort of a stored run";

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.From))
        {
            return Compute(request);
        }

        return From(request, await StartAsync(db, runner, clock, cancellationToken));
    }

    /// <summary>Predictions from what <paramref name="starting"/> offers; without a recent start, a <see cref="UserInputException"/> saying why and what to enter.</summary>
    public static Response From(Request request, Starting starting)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(starting);
        return starting.Start is { } start
            ? Compute(request, start.Distance, start.Time, start.Source, start.Date) with { LeftOut = starting.LeftOut }
            : throw new UserInputException("from", $"from: no result given, and {starting.Missing}; enter a recent race or time trial, such as 5k=20:00");
    }

    /// <summary>How long ago <paramref name="date"/> was, in words: "12 days", "7 months", "8 years".</summary>
    public static string Age(DateOnly date, DateOnly today)
    {
        var months = ((today.Year - date.Year) * 12) + today.Month - date.Month - (today.Day < date.Day ? 1 : 0);
        return months switch
        {
            < 1 => Plural(today.DayNumber - date.DayNumber, "day"),
            < 24 => Plural(months, "month"),
            _ => Plural(months / 12, "year"),
        };

        static string Plural(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
    }

    /// <summary>
    /// The best (highest VDOT) recent result in the current plan's profile that a model starts from, or null. The plan's race day
    /// predicts from the same results (RunTargets), so the goal race here agrees with it when no stored run is recent.
    /// </summary>
    private static async Task<Start?> PlanResultAsync(RunStrongDbContext db, ICurrentRunner runner, DateOnly today, CancellationToken cancellationToken)
    {
        var owner = runner.RunnerId;
        // The current plan: the newest, as TrainingPlan.GoalRaceAsync reads it.
        var record = await db.Plans.AsNoTracking().Where(p => p.OwnerId == owner)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (record is null || RunnerProfileJson.Parse(record.ProfileJson, record.StartDate) is not { IsValid: true, Profile: { } profile })
        {
            return null;
        }

        var since = StoredPerformances.RecentSince(today);
        return profile.RecentResults
            .Where(r => r.DistanceMetres > 0 && r.Time > TimeSpan.Zero && (r.Date ?? record.StartDate) >= since && (r.Date is not { } d || d <= today))
            .Select(r => new Start(RaceDistance.FromMetres(r.DistanceMetres), RaceTime.FromTimeSpan(r.Time), $"a result entered in your plan \u201c{record.Name}\u201d", r.Date))
            .Where(r => RacePredictor.WhyNotAStart(r.Distance, r.Time) is null)
            .MaxBy(r => DanielsGilbert.Vdot(r.Distance, r.Time));
    }

    /// <summary>Predictions from an entered result; no storage involved.</summary>
    public static Response Compute(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (distance, time) = ParseResult(request.From, "from");
        return Compute(request, distance, time, "entered", null);
    }

    /// <summary>Reads DISTANCE=TIME ("5k=20:00"); a bad part is a <see cref="UserInputException"/> naming <paramref name="field"/>.</summary>
    public static (RaceDistance Distance, RaceTime Time) ParseResult(string? text, string field)
    {
        var parts = (text ?? "").Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new UserInputException(field, $"{field}: '{text?.Trim()}' is not a result: write DISTANCE=TIME, such as 5k=20:00 or half=1:32:00");
        }

        if (!RaceDistance.TryParse(parts[0], out var distance, out var distanceError))
        {
            throw new UserInputException(field, $"{field}: {distanceError}");
        }

        return RaceTime.TryParse(parts[1], out var time, out var timeError)
            ? (distance, time)
            : throw new UserInputException(field, $"{field}: {timeError}");
    }

    private static Response Compute(Request request, RaceDistance from, RaceTime time, string source, DateOnly? date)
    {
        var exponent = request.RiegelExponent ?? Riegel.DefaultExponent;
        if (!(exponent >= 1.0 && exponent <= 1.3))
        {
            throw new UserInputException("riegelExponent", string.Create(CultureInfo.InvariantCulture, $"riegel exponent must be between 1.0 and 1.3, got {exponent}"));
        }

        IReadOnlyList<RaceDistance> targets = DefaultTargets;
        if (!string.IsNullOrWhiteSpace(request.To))
        {
            targets = RaceDistance.TryParse(request.To, out var to, out var error)
                ? [to]
                : throw new UserInputException("to", $"to: {error}");
        }

        // A result faster than the world record is a typo; one shorter than every model's range predicts nothing (domain.md §5).
        if (RacePredictor.WhyNotAStart(from, time) is { } why)
        {
            throw new UserInputException("from", $"from: {why}");
        }

        IReadOnlyList<RacePrediction> predictions;
        try
        {
            predictions = RacePredictor.Predict(from, time, targets, exponent);
        }
        catch (DomainValueException e)
        {
            throw new UserInputException("from", $"from: {from.Name} in {time} gives no usable prediction: {e.Message}");
        }

        var models = predictions.SelectMany(p => new[]
        {
            Model("riegel", p, PredictionModel.Riegel),
            Model("vdot", p, PredictionModel.DanielsGilbert),
            Model("cameron", p, PredictionModel.Cameron),
        }).ToArray();
        var result = new Result(new FromView(from.Metres, Math.Round(time.TotalSeconds, 2)), Math.Round(DanielsGilbert.Vdot(from, time), 2), models);
        var rows = predictions.Select(p => new Row(p.Target.Name, p.Target.Metres, p.Display(p.Riegel), p.Display(p.DanielsGilbert), p.Display(p.Cameron), p.Notes)).ToArray();
        return new Response(result, rows, from.Name, time.ToString(), exponent, source, date, predictions);
    }

    private static ModelPrediction Model(string name, RacePrediction p, PredictionModel model) =>
        new(name, p.Target.Metres, p.Of(model) is { } t ? Math.Round(t.TotalSeconds, 2) : null, p.LeftOut.GetValueOrDefault(model));
}
