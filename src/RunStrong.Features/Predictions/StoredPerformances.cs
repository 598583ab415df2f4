using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Activities;
using RunStrong.Domain.Prediction;
using RunStrong.Features.Common;
using RunStrong.Features.Training;

namespace RunStrong.Features.Predictions;

/// <summary>
/// Performances found in stored runs: the best efforts of imported road runs and the results of races entered by hand
/// (StoredSummary.BestEfforts); trail runs, hikes, rides, treadmill runs and runs with an impossible figure are left
/// out (<see cref="PredictionRuns"/>). Efforts no model starts from are left out (RacePredictor.WhyNotAStart): shorter than
/// 1500 m, so a fast 400 m or kilometre inside a run never inflates every prediction (of the standard best efforts, a mile and
/// more count; docs/decisions/0016-training-log-and-predictions.md), and faster than the world record.
/// The monthly trend, on the dashboard and the predictions page alike, counts <see cref="ForTrend"/> of these.
/// </summary>
public static class StoredPerformances
{
    /// <summary>The shortest best effort predictions start from, metres (<see cref="RacePredictor.ShortestStartMetres"/>: of the standard efforts, a mile).</summary>
    public const double ShortestMetres = RacePredictor.ShortestStartMetres;

    public static async Task<IReadOnlyList<Performance>> AllAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        (await WithLeftOutAsync(db, runner, cancellationToken)).Performances;

    /// <summary>
    /// The performances of road runs and races (<see cref="PredictionRuns"/>), oldest first, and the runs with best efforts
    /// that were left out, counted by why ("a trail run" -> 2).
    /// </summary>
    public static async Task<(IReadOnlyList<Performance> Performances, IReadOnlyDictionary<string, int> LeftOut)> WithLeftOutAsync(
        RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        var runs = await TrainingData.RunsAsync(db, runner, cancellationToken, includeOffRoad: true);
        var leftOut = runs
            .Where(r => r.Summary.BestEfforts.Any(e => e.DistanceMeters >= ShortestMetres) || !r.Summary.IsPlausible)
            .Select(r => PredictionRuns.WhyLeftOut(r.Row, r.Summary))
            .OfType<string>()
            .GroupBy(why => why)
            .ToDictionary(g => g.Key, g => g.Count());
        var performances = Of(runs.Select(r => (r.Row, r.Summary)));
        return (performances, leftOut);
    }

    /// <summary>
    /// The performances of the road runs and races among <paramref name="activities"/> (in their stored order: by day, then start),
    /// oldest first.
    /// </summary>
    public static IReadOnlyList<Performance> Of(IEnumerable<(StoredActivity Row, StoredSummary Summary)> activities) =>
        activities
            .Where(r => r.Row.DistanceMeters > 0 && (r.Row.MovingSeconds > 0 ? r.Row.MovingSeconds : r.Row.ElapsedSeconds) > 0)
            .Where(r => PredictionRuns.WhyLeftOut(r.Row, r.Summary) is null)
            .SelectMany(r => Efforts(r.Row.LocalDate, r.Summary))
            .OrderBy(p => p.Date)
            .ToArray();

    /// <summary>The best efforts of a road run or race on <paramref name="date"/> that predictions start from (RacePredictor.WhyNotAStart).</summary>
    public static IEnumerable<Performance> Efforts(DateOnly date, StoredSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.BestEfforts
            .Where(e => e.DistanceMeters >= ShortestMetres && e.Seconds > 0)
            .Select(e => new Performance(date, RaceDistance.FromMetres(e.DistanceMeters), RaceTime.FromSeconds(e.Seconds)))
            .Where(p => RacePredictor.WhyNotAStart(p.Distance, p.Time) is null);
    }

    /// <summary>
    /// The efforts of a road run or race on <paramref name="date"/> that the monthly trend of predicted times counts: the one
    /// rule of the dashboard, its rollups and the predictions page (<see cref="RacePredictor.CountsForTrend"/>).
    /// </summary>
    public static IEnumerable<Performance> ForTrend(DateOnly date, StoredSummary summary) =>
        Efforts(date, summary).Where(RacePredictor.CountsForTrend);

    /// <summary>
    /// Results count as recent for this many months: this month and the eleven before it. The one window of the dashboard's
    /// prediction card, the predictions page, <c>/api/predictions</c> and <c>runstrong predict</c>; the plan's run paces use
    /// results up to a year old too (RunTargets.ResultMaxAgeDays). docs/decisions/0039 says why.
    /// </summary>
    public const int RecentMonths = 12;

    /// <summary>The first day counted as recent on <paramref name="today"/>: the first of the month <see cref="RecentMonths"/> − 1 months back.</summary>
    public static DateOnly RecentSince(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-(RecentMonths - 1));

    /// <summary>
    /// What predictions start from (highest VDOT): the best of the last <paramref name="days"/> days, else the best of the
    /// newest month with one inside <see cref="RecentMonths"/>; null when nothing is that recent, since an older effort
    /// says little about the runner today (docs/decisions/0039). Efforts dated after <paramref name="today"/> do not count.
    /// </summary>
    public static Performance? Best(IReadOnlyList<Performance> performances, DateOnly today, int days = 90)
    {
        ArgumentNullException.ThrowIfNull(performances);
        var since = RecentSince(today);
        var recent = performances.Where(p => p.Date >= since && p.Date <= today).ToArray();
        if (recent.Length == 0)
        {
            return null;
        }

        var lastDays = recent.Where(p => p.Date > today.AddDays(-days)).ToArray();
        var newest = recent.MaxBy(p => p.Date)!.Date;
        var pool = lastDays.Length > 0 ? lastDays : recent.Where(p => p.Date.Year == newest.Year && p.Date.Month == newest.Month).ToArray();
        return pool.MaxBy(p => DanielsGilbert.Vdot(p.Distance, p.Time));
    }

    /// <summary>The newest performance on or before <paramref name="today"/>, however old (to tell the runner how old); null without one.</summary>
    public static Performance? Newest(IReadOnlyList<Performance> performances, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(performances);
        return performances.Where(p => p.Date <= today).OrderBy(p => p.Date).LastOrDefault();
    }
}
