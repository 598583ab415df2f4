using System.Globalization;
using RunStrong.Domain.Activities.Metrics;

namespace RunStrong.Domain.Prediction;

/// <summary>A race result or best effort the predictions start from.</summary>
public sealed record Performance(DateOnly Date, RaceDistance Distance, RaceTime Time);

/// <summary>
/// The three models' predictions for one target distance, side by side, with the precision they deserve and the caveats
/// a runner should read. Raw times are exact model output (for tests and charts); show <see cref="Display"/>.
/// </summary>
public sealed record RacePrediction
{
    public required RaceDistance From { get; init; }

    public required RaceTime FromTime { get; init; }

    public required RaceDistance Target { get; init; }

    /// <summary>Riegel, with <see cref="RiegelExponent"/>; null when left out (<see cref="LeftOut"/> says why).</summary>
    public required RaceTime? Riegel { get; init; }

    public required double RiegelExponent { get; init; }

    /// <summary>Daniels–Gilbert: the time at the target with the same VDOT; null when left out (<see cref="LeftOut"/> says why).</summary>
    public required RaceTime? DanielsGilbert { get; init; }

    /// <summary>Cameron; null when left out (<see cref="LeftOut"/> says why).</summary>
    public required RaceTime? Cameron { get; init; }

    /// <summary>The VDOT of the starting performance (meaningful only within 30–85, <see cref="TrainingPaces.IsCovered"/>).</summary>
    public required double Vdot { get; init; }

    /// <summary>How finely the times are worth showing for this target (see <see cref="RacePredictor.DisplayPrecision"/>).</summary>
    public required TimeSpan Precision { get; init; }

    /// <summary>
    /// What to bear in mind: the marathon caveat, far extrapolation, and why a model was left out. Empty when nothing
    /// needs saying.
    /// </summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>
    /// The models whose valid range the start or the target falls outside, with why (domain.md §5): their time is null and
    /// never shown. Empty when all three hold.
    /// </summary>
    public IReadOnlyDictionary<PredictionModel, string> LeftOut { get; init; } = new Dictionary<PredictionModel, string>();

    /// <summary>The model's time, or null when it is left out.</summary>
    public RaceTime? Of(PredictionModel model) => model switch
    {
        PredictionModel.Riegel => Riegel,
        PredictionModel.DanielsGilbert => DanielsGilbert,
        _ => Cameron,
    };

    /// <summary>The fastest of the models shown: the optimistic end; null when every model is left out.</summary>
    public RaceTime? Fastest => Shown.Length == 0 ? null : Shown.Min();

    /// <summary>The slowest of the models shown: the cautious end; null when every model is left out.</summary>
    public RaceTime? Slowest => Shown.Length == 0 ? null : Shown.Max();

    private RaceTime[] Shown => new[] { Riegel, DanielsGilbert, Cameron }.OfType<RaceTime>().ToArray();

    /// <summary>
    /// A time rounded to <see cref="Precision"/> and written as a runner reads it (see <see cref="RacePredictor.Format"/>);
    /// a model left out reads "—".
    /// </summary>
    public string Display(RaceTime? time) => time is { } t ? RacePredictor.Format(t, Precision) : RacePredictor.LeftOutMark;
}

/// <summary>The three race-prediction models of domain.md §5.</summary>
public enum PredictionModel
{
    Riegel,
    DanielsGilbert,
    Cameron,
}

/// <summary>A month's best performance and the 5 km and 10 km times predicted from it.</summary>
/// <param name="Model">
/// Daniels–Gilbert from the VDOT inside Daniels' tables (30–85); Riegel below them (<see cref="RacePredictor.TrendFloorVdot"/>
/// to 30), where VDOT's times are an extrapolation: a beginner's trend is flagged, not left empty.
/// </param>
public sealed record MonthlyForm(int Year, int Month, Performance Best, double Vdot, RaceTime FiveK, RaceTime TenK, PredictionModel Model = PredictionModel.DanielsGilbert);

/// <summary>
/// Race predictions from one performance with Riegel, Daniels–Gilbert and Cameron side by side (domain.md §5).
/// Where they differ: up to the half marathon the three agree within about a minute; for the marathon Riegel (1.06) and
/// Daniels–Gilbert are the optimistic ones and Cameron the cautious one, and even Cameron may be optimistic for a runner
/// without marathon-specific long runs.
/// </summary>
public static class RacePredictor
{
    /// <summary>Shown with every marathon prediction (Vickers &amp; Vertosick 2016).</summary>
    public const string MarathonCaveat =
        "Marathon predictions from shorter races are often too fast: in a study of 2,303 runners, Riegel's formula was 10 minutes "
        + "or more optimistic for half of them (Vickers & Vertosick 2016). Plan on the slowest of the three unless you have done "
        + "the long runs, and expect more from a half-marathon result than from a 5k.";

    /// <summary>Extrapolating over more than this ratio of distances earns a note.</summary>
    public const double FarRatio = 4.2;

    /// <summary>
    /// How finely a prediction for <paramref name="target"/> is worth showing. A judgement: the models agree to seconds over
    /// short distances and drift apart with distance, so the step grows with the target, not with the runner's speed —
    /// under 3 km 1 s; up to 15 km 5 s; up to 30 km (the half) 30 s; beyond, 1 min.
    /// </summary>
    public static TimeSpan DisplayPrecision(RaceDistance target) => target.Metres switch
    {
        < 3000 => TimeSpan.FromSeconds(1),
        <= 15000 => TimeSpan.FromSeconds(5),
        <= 30000 => TimeSpan.FromSeconds(30),
        _ => TimeSpan.FromMinutes(1),
    };

    /// <summary>
    /// A time rounded to <paramref name="precision"/>: "41:40" (5 s), "1:31:30" (30 s); at minute precision over an hour
    /// "3h12" so no seconds pretend to be known.
    /// </summary>
    public static string Format(RaceTime time, TimeSpan precision)
    {
        var rounded = time.RoundTo(precision);
        if (precision >= TimeSpan.FromMinutes(1) && rounded.TotalSeconds >= 3600)
        {
            var minutes = (long)Math.Round(rounded.TotalMinutes);
            // "3h12", not "3:12", which reads as three minutes twelve seconds.
            return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}");
        }

        return rounded.ToString();
    }

    /// <summary>What a table shows for a model left out.</summary>
    public const string LeftOutMark = "—";

    /// <summary>
    /// The shortest result the models start from, metres: Daniels' tables begin at 1500 m, and RunTargets uses results from
    /// 1500 m for plan paces. A sprint says nothing about an endurance race, so none of the three starts from less (for
    /// Cameron, whose range domain.md does not give, a judgement: docs/decisions/0034).
    /// </summary>
    public const double ShortestStartMetres = 1500;

    /// <summary>The shortest result the models start from, minutes: Riegel (1981) fitted his curve to efforts of 3.5 to 230 minutes.</summary>
    public const double ShortestStartMinutes = 3.5;

    /// <summary>
    /// Why a result cannot be the start of a prediction, in the runner's words, or null when it can: faster than the world
    /// record for its distance (<see cref="Plausibility.WorldRecordSeconds"/>: a typo, not a result), or shorter than
    /// <see cref="ShortestStartMetres"/> or <see cref="ShortestStartMinutes"/> (outside every model's range, domain.md §5).
    /// </summary>
    public static string? WhyNotAStart(RaceDistance from, RaceTime time)
    {
        if (Plausibility.IsFasterThanWorldRecord(from.Metres, time.TotalSeconds))
        {
            return $"{from.Name} in {time} is faster than the world record for the distance ({WorldRecord(from)}): check the time and the distance";
        }

        return from.Metres < ShortestStartMetres || time.TotalMinutes < ShortestStartMinutes
            ? string.Create(CultureInfo.InvariantCulture,
                $"{from.Name} in {time} is too short to predict races from: the models start from results of {ShortestStartMetres:0} m and {ShortestStartMinutes} minutes or more (Daniels' tables, Riegel 1981); enter a mile or longer")
            : null;
    }

    /// <summary>
    /// The lowest VDOT a trend point is made from: about a 5 km in 53 minutes, a run–walk. Between it and Daniels' tables
    /// (30) the month's times come from Riegel and say so (decision 0036); below it the effort is a walk, not a race.
    /// </summary>
    public const double TrendFloorVdot = 15;

    /// <summary>
    /// The one rule for the performances a monthly trend of predicted 5 km and 10 km times counts, on the dashboard and the
    /// predictions page alike: a usable start (<see cref="WhyNotAStart"/>: 1500 m or more, not faster than the world record)
    /// with a VDOT from <see cref="TrendFloorVdot"/> to the top of Daniels' tables (85). Inside the tables (30–85) the
    /// times are VDOT's; below them, Riegel's (<see cref="MonthlyTrend"/>).
    /// </summary>
    public static bool CountsForTrend(Performance performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        var vdot = Prediction.DanielsGilbert.Vdot(performance.Distance, performance.Time);
        return WhyNotAStart(performance.Distance, performance.Time) is null
            && double.IsFinite(vdot) && vdot >= TrendFloorVdot && vdot <= TrainingPaces.MaxVdot;
    }

    /// <summary>
    /// The three models' predictions for one target. A model is left out, with a note saying why, when the input falls
    /// outside the range it holds (domain.md §5): VDOT outside 30–85, the range of Daniels' tables, leaves out Daniels–Gilbert;
    /// a model whose time would beat the world record for the target is left out (no model is worth more than the record).
    /// The start itself is not checked here: see <see cref="WhyNotAStart"/>.
    /// </summary>
    /// <param name="riegelExponent">Riegel's fatigue exponent, 1.06 by default (1.15 fits runners from half to marathon).</param>
    public static RacePrediction Predict(RaceDistance from, RaceTime time, RaceDistance target, double riegelExponent = Riegel.DefaultExponent)
    {
        var notes = new List<string>();
        if (target.Metres >= 30000)
        {
            notes.Add(MarathonCaveat);
        }

        var ratio = Math.Max(target.Metres / from.Metres, from.Metres / target.Metres);
        if (ratio > FarRatio)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Predicted from a {from.Name} over a {target.Name}: {ratio:0} times {(target > from ? "longer" : "shorter")}, so less certain; a race nearer the target tells you more."));
        }

        var leftOut = new Dictionary<PredictionModel, string>();
        var vdot = Prediction.DanielsGilbert.Vdot(from, time);
        RaceTime? danielsGilbert = null;
        if (TrainingPaces.IsCovered(vdot))
        {
            danielsGilbert = Prediction.DanielsGilbert.Predict(vdot, target);
        }
        else
        {
            leftOut[PredictionModel.DanielsGilbert] = string.Create(CultureInfo.InvariantCulture,
                $"No VDOT prediction: {from.Name} in {time} gives a VDOT of {vdot:0.0}, outside the {TrainingPaces.MinVdot:0}–{TrainingPaces.MaxVdot:0} that Daniels' tables cover.");
        }

        var riegel = BelowWorldRecord(PredictionModel.Riegel, "Riegel", Prediction.Riegel.Predict(from, time, target, riegelExponent), target, leftOut);
        danielsGilbert = danielsGilbert is { } dg ? BelowWorldRecord(PredictionModel.DanielsGilbert, "VDOT", dg, target, leftOut) : null;
        var cameron = BelowWorldRecord(PredictionModel.Cameron, "Cameron", Prediction.Cameron.Predict(from, time, target), target, leftOut);
        notes.AddRange(leftOut.OrderBy(l => l.Key).Select(l => l.Value));

        return new RacePrediction
        {
            From = from,
            FromTime = time,
            Target = target,
            Riegel = riegel,
            RiegelExponent = riegelExponent,
            DanielsGilbert = danielsGilbert,
            Cameron = cameron,
            Vdot = vdot,
            Precision = DisplayPrecision(target),
            Notes = notes,
            LeftOut = leftOut,
        };
    }

    /// <summary><paramref name="time"/>, or null (and why, in <paramref name="leftOut"/>) when it beats the world record for <paramref name="target"/>.</summary>
    private static RaceTime? BelowWorldRecord(PredictionModel model, string name, RaceTime time, RaceDistance target, Dictionary<PredictionModel, string> leftOut)
    {
        if (!Plausibility.IsFasterThanWorldRecord(target.Metres, time.TotalSeconds))
        {
            return time;
        }

        leftOut[model] = $"No {name} prediction for the {target.Name}: it would be faster than the world record ({WorldRecord(target)}).";
        return null;
    }

    /// <summary>The world record for <paramref name="distance"/> as a runner reads it ("12:35", "2:00:35").</summary>
    public static string WorldRecord(RaceDistance distance) => RaceTime.FromSeconds(Plausibility.WorldRecordSeconds(distance.Metres)).ToString();

    /// <summary>Predictions for several targets, in the order given.</summary>
    public static IReadOnlyList<RacePrediction> Predict(
        RaceDistance from, RaceTime time, IEnumerable<RaceDistance> targets, double riegelExponent = Riegel.DefaultExponent) =>
        targets.Select(t => Predict(from, time, t, riegelExponent)).ToArray();

    /// <summary>
    /// What-if: the time at <paramref name="testDistance"/> that each model says a goal of <paramref name="goalTime"/> over
    /// <paramref name="goalDistance"/> needs ("what 5k do I need for a 1:30 half?"). The models are symmetric, so this is the
    /// goal predicted back to the test distance.
    /// </summary>
    public static RacePrediction TimeNeeded(RaceDistance goalDistance, RaceTime goalTime, RaceDistance testDistance) =>
        Predict(goalDistance, goalTime, testDistance);

    /// <summary>
    /// Form over time: for each calendar month with performances, the best one (highest VDOT, so a 10k and a 5k compare)
    /// and the 5 km and 10 km times its VDOT predicts, or Riegel from it when its VDOT is below Daniels' tables. Only
    /// performances that <see cref="CountsForTrend"/> count; months without one are left out, oldest month first.
    /// </summary>
    public static IReadOnlyList<MonthlyForm> MonthlyTrend(IEnumerable<Performance> performances) =>
        performances
            .Where(CountsForTrend)
            .GroupBy(p => (p.Date.Year, p.Date.Month))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var best = g.MaxBy(p => Prediction.DanielsGilbert.Vdot(p.Distance, p.Time))!;
                var vdot = Prediction.DanielsGilbert.Vdot(best.Distance, best.Time);
                return TrainingPaces.IsCovered(vdot)
                    ? new MonthlyForm(g.Key.Year, g.Key.Month, best, vdot,
                        Prediction.DanielsGilbert.Predict(vdot, RaceDistance.FiveK), Prediction.DanielsGilbert.Predict(vdot, RaceDistance.TenK))
                    : new MonthlyForm(g.Key.Year, g.Key.Month, best, vdot,
                        Riegel.Predict(best.Distance, best.Time, RaceDistance.FiveK), Riegel.Predict(best.Distance, best.Time, RaceDistance.TenK), PredictionModel.Riegel);
            })
            .ToArray();
}
