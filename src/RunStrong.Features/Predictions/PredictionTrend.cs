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
    }

    public static async Task<IReadOnlyList<MonthForm>> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        var performances = await StoredPerformances.AllAsync(db, runner, cancellationToken);
        return RacePredictor.MonthlyTrend(performances)
            .Select(m => new MonthForm(m.Year, m.Month, m.Best.Date, m.Best.Distance.Metres, Math.Round(m.Best.Time.TotalSeconds, 1), Math.Round(m.Vdot, 2),
                Math.Round(m.FiveK.TotalSeconds, 1), Math.Round(m.TenK.TotalSeconds, 1)))
            .ToArray();
    }
}
