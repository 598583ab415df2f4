using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Domain.Prediction;
using RunStrong.Features.Common;

namespace RunStrong.Features.Predictions;

/// <summary>
/// Form over months from stored runs: each month's best performance (highest VDOT) and the 5 km and 10 km times that VDOT
/// predicts (RacePredictor.MonthlyTrend).
/// </summary>
public static class PredictionTrend
{
    public sealed record MonthForm(int Year, int Month, DateOnly BestDate, double BestDistanceMeters, double BestSeconds, double Vdot, double FiveKSeconds, double TenKSeconds)
    {
        /// <summary>The first day of the month, for charts.</summary>
        public DateOnly Start => new(Year, Month, 1);

        /// <summary>True when the VDOT is below Daniels' tables, so the times are Riegel's (RacePredictor.MonthlyTrend).</summary>
        public bool FromRiegel => !Domain.Prediction.TrainingPaces.IsCovered(Vdot);
    }

    /// <summary>The trend from the runner's monthly rollups, after recomputing the months changed since they were last read.</summary>
    public static async Task<IReadOnlyList<MonthForm>> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        if (!await Rollups.RunnerRollups.TryRefreshAsync(db, runner.RunnerId, cancellationToken))
        {
            return await RecomputeAsync(db, runner, cancellationToken);
        }

        var owner = runner.RunnerId;
        var rows = await db.MonthRollups.AsNoTracking().Where(m => m.OwnerId == owner).OrderBy(m => m.Month).ToListAsync(cancellationToken);
        return rows.Select(m => new MonthForm(m.Month.Year, m.Month.Month, m.BestDate, m.BestDistanceMeters, m.BestSeconds, m.Vdot, m.FiveKSeconds, m.TenKSeconds)).ToArray();
    }

    /// <summary>The trend recomputed from every stored run, without rollups (what they must equal).</summary>
    public static async Task<IReadOnlyList<MonthForm>> RecomputeAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        var performances = await StoredPerformances.AllAsync(db, runner, cancellationToken);
        return RacePredictor.MonthlyTrend(performances).Select(Form).ToArray();
    }

    /// <summary>A month of <see cref="RacePredictor.MonthlyTrend"/> as the trend shows it.</summary>
    public static MonthForm Form(MonthlyForm m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new MonthForm(m.Year, m.Month, m.Best.Date, m.Best.Distance.Metres, Math.Round(m.Best.Time.TotalSeconds, 1), Math.Round(m.Vdot, 2),
            Math.Round(m.FiveK.TotalSeconds, 1), Math.Round(m.TenK.TotalSeconds, 1));
    }
}
