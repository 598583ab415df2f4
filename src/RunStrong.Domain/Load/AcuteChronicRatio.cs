namespace RunStrong.Domain.Load;

/// <summary>One day of the acute:chronic series.</summary>
/// <param name="Ratio">Acute ÷ chronic; null before <see cref="AcuteChronicRatio.ChronicDays"/> days of data or when chronic load is 0.</param>
public sealed record AcuteChronicPoint(DateOnly Date, double Load, double Acute, double Chronic, double? Ratio);

/// <summary>
/// Acute:chronic workload ratio by exponentially weighted moving averages (Williams et al. 2017):
/// <c>EWMA_today = load_today·λ + (1 − λ)·EWMA_yesterday</c>, <c>λ = 2/(N + 1)</c>, N = 7 days (acute, λ = 0.25) and
/// 28 days (chronic, λ = 2/29). Both averages start at the first day's load. Shown, never alarmed on: see <see cref="Caveat"/>.
/// </summary>
public static class AcuteChronicRatio
{
    public const int AcuteDays = 7;

    public const int ChronicDays = 28;

    /// <summary>Shown beside the ratio.</summary>
    public const string Caveat =
        "The acute:chronic ratio compares your last week with your last month. Whether it predicts injury is disputed "
        + "(Lolli 2019, Impellizzeri 2020), and a study of 5,205 runners found higher ratios with fewer injuries (Frandsen 2025): "
        + "read it as a description of your training, not a warning. A single run much longer than your recent longest is the better-supported signal.";

    /// <summary>The decay λ = 2/(N + 1) for an N-day average.</summary>
    public static double Lambda(int days) => 2.0 / (Training.Guard.AtLeast(days, 1, "days") + 1);

    /// <summary>The EWMA of a daily series, one value per day, starting at the first day's load.</summary>
    public static IReadOnlyList<double> Ewma(IReadOnlyList<double> dailyLoads, int days)
    {
        var lambda = Lambda(days);
        var result = new double[dailyLoads.Count];
        for (var i = 0; i < dailyLoads.Count; i++)
        {
            result[i] = i == 0 ? dailyLoads[0] : (dailyLoads[i] * lambda) + ((1 - lambda) * result[i - 1]);
        }

        return result;
    }

    /// <summary>Acute, chronic and ratio for each day of a gap-free daily series (see <see cref="Foster.DailySeries"/>).</summary>
    public static IReadOnlyList<AcuteChronicPoint> Series(IReadOnlyList<DailyLoad> days)
    {
        var loads = days.Select(d => d.Load).ToArray();
        var acute = Ewma(loads, AcuteDays);
        var chronic = Ewma(loads, ChronicDays);
        return days.Select((d, i) => new AcuteChronicPoint(d.Date, d.Load, acute[i], chronic[i],
            i >= ChronicDays - 1 && chronic[i] > 0 ? acute[i] / chronic[i] : null)).ToArray();
    }
}
