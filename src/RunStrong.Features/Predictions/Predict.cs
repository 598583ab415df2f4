using System.Globalization;
using RunStrong.Data;
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

    /// <param name="Source">"entered", or "best effort of a stored run".</param>
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
        string Name, double DistanceMeters, string Distance, DateOnly Date, double Seconds, string Predicted, string Range, double PaceSecondsPerKm, IReadOnlyList<string> Notes);

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
            p.Notes);
    }

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.From))
        {
            return Compute(request);
        }

        ArgumentNullException.ThrowIfNull(db);
        var (performances, leftOut) = await StoredPerformances.WithLeftOutAsync(db, runner, cancellationToken);
        var best = StoredPerformances.Best(performances, await TrainingData.TodayAsync(db, runner, clock, cancellationToken))
            ?? throw new UserInputException("from", "from: no result given and no stored road run or race has a best effort of a mile or more that anyone can run; enter one such as 5k=20:00");
        return Compute(request, best.Distance, best.Time, "best effort of a stored run", best.Date) with { LeftOut = leftOut };
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
