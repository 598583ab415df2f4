using System.Globalization;

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

    /// <summary>Riegel, with <see cref="RiegelExponent"/>.</summary>
    public required RaceTime Riegel { get; init; }

    public required double RiegelExponent { get; init; }

    /// <summary>Daniels–Gilbert: the time at the target with the same VDOT.</summary>
    public required RaceTime DanielsGilbert { get; init; }

    public required RaceTime Cameron { get; init; }

    /// <summary>The VDOT of the starting performance.</summary>
    public required double Vdot { get; init; }

    /// <summary>How finely the times are worth showing for this target (see <see cref="RacePredictor.DisplayPrecision"/>).</summary>
    public required TimeSpan Precision { get; init; }

    /// <summary>What to bear in mind: the marathon caveat, far extrapolation. Empty when nothing needs saying.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The fastest of the three: the optimistic end.</summary>
    public RaceTime Fastest => new[] { Riegel, DanielsGilbert, Cameron }.Min();

    /// <summary>The slowest of the three: the cautious end.</summary>
    public RaceTime Slowest => new[] { Riegel, DanielsGilbert, Cameron }.Max();

    /// <summary>A time rounded to <see cref="Precision"/> and written as a runner reads it (see <see cref="RacePredictor.Format"/>).</summary>
    public string Display(RaceTime time) => RacePredictor.Format(time, Precision);
}

/// <summary>A month's best performance and the 5 km and 10 km times its VDOT predicts.</summary>
public sealed record MonthlyForm(int Year, int Month, Performance Best, double Vdot, RaceTime FiveK, RaceTime TenK);

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

    /// <summary>The three models' predictions for one target.</summary>
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

        return new RacePrediction
        {
            From = from,
            FromTime = time,
            Target = target,
            Riegel = Prediction.Riegel.Predict(from, time, target, riegelExponent),
            RiegelExponent = riegelExponent,
            DanielsGilbert = Prediction.DanielsGilbert.Predict(from, time, target),
            Cameron = Prediction.Cameron.Predict(from, time, target),
            Vdot = Prediction.DanielsGilbert.Vdot(from, time),
            Precision = DisplayPrecision(target),
            Notes = notes,
        };
    }

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
    /// and the 5 km and 10 km times its VDOT predicts. Months without performances are left out, oldest month first.
    /// </summary>
    public static IReadOnlyList<MonthlyForm> MonthlyTrend(IEnumerable<Performance> performances) =>
        performances
            .GroupBy(p => (p.Date.Year, p.Date.Month))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var best = g.MaxBy(p => Prediction.DanielsGilbert.Vdot(p.Distance, p.Time))!;
                var vdot = Prediction.DanielsGilbert.Vdot(best.Distance, best.Time);
                return new MonthlyForm(g.Key.Year, g.Key.Month, best, vdot,
                    Prediction.DanielsGilbert.Predict(vdot, RaceDistance.FiveK), Prediction.DanielsGilbert.Predict(vdot, RaceDistance.TenK));
            })
            .ToArray();
}
