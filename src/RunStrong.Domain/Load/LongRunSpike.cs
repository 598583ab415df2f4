using System.Globalization;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Load;

/// <summary>How much longer a run is than the longest of the previous 30 days (Frandsen 2025's categories).</summary>
public enum SpikeSize
{
    /// <summary>Up to 10 % longer, or shorter: the reference.</summary>
    None,
    /// <summary>More than 10 % and up to 30 % longer: injury rate ×1.64.</summary>
    Small,
    /// <summary>More than 30 % and up to 100 % longer: ×1.52.</summary>
    Moderate,
    /// <summary>More than 100 % longer: ×2.28.</summary>
    Large,
}

/// <summary>The check of one run against the previous 30 days.</summary>
/// <param name="LongestPreviousMetres">The longest run in the 30 days before; null when there was none.</param>
/// <param name="IncreasePercent">How much longer than that run, %, negative when shorter; null without a previous run.</param>
/// <param name="HazardRateRatio">Frandsen 2025's adjusted injury hazard rate ratio for the category; null for <see cref="SpikeSize.None"/>.</param>
/// <param name="Message">The warning or note to show; null when there is nothing to say.</param>
public sealed record LongRunCheck(
    DateOnly Date,
    double DistanceMetres,
    double? LongestPreviousMetres,
    double? IncreasePercent,
    SpikeSize Size,
    double? HazardRateRatio,
    string? Message);

/// <summary>
/// The single-run spike warning (Frandsen et al. 2025, Br J Sports Med, 5,205 runners, 588,071 sessions): a run more than
/// 10 % longer than the longest run of the previous 30 days raised the rate of overuse injury — HRR 1.64 for &gt;10–30 %,
/// 1.52 for &gt;30–100 %, 2.28 for &gt;100 %. Applies to a run done or planned. The previous 30 days are the 30 calendar
/// days before the run's date (the same day's other runs are not counted).
/// </summary>
public static class LongRunSpike
{
    public const int WindowDays = 30;

    /// <param name="unit">The unit the message gives distances in (the runner's).</param>
    public static LongRunCheck Check(IEnumerable<LoggedRun> history, DateOnly date, double distanceMetres, Units.DistanceUnit unit = Units.DistanceUnit.Kilometres)
    {
        Guard.Positive(distanceMetres, "distance in metres");
        var longest = history.Where(r => r.Date >= date.AddDays(-WindowDays) && r.Date < date).Select(r => r.DistanceMetres).DefaultIfEmpty().Max();
        if (longest <= 0)
        {
            return new LongRunCheck(date, distanceMetres, null, null, SpikeSize.None, null,
                "no runs in the previous 30 days to compare with: build up gently");
        }

        // Rounded so that exactly 10 % (11 km after 10 km) is not pushed over the line by floating point.
        var increase = Math.Round(((distanceMetres / longest) - 1) * 100, 9);
        var (size, hrr, band) = increase switch
        {
            > 100 => (SpikeSize.Large, 2.28, "more than 100 %"),
            > 30 => (SpikeSize.Moderate, 1.52, "30–100 %"),
            > 10 => (SpikeSize.Small, 1.64, "10–30 %"),
            _ => (SpikeSize.None, 0.0, ""),
        };
        if (size == SpikeSize.None)
        {
            return new LongRunCheck(date, distanceMetres, longest, increase, size, null, null);
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"This run ({Units.Measure.Distance(distanceMetres, unit, 1)}) is {increase:0} % longer than your longest in the previous 30 days ({Units.Measure.Distance(longest, unit, 1)}). "
            + $"In a study of 5,205 runners, single runs {band} longer than that came with a {hrr:0.00} times higher injury rate (Frandsen 2025). "
            + $"Keeping it to {Units.Measure.Distance(longest * 1.1, unit, 1)} (10 % more) avoids the spike.");
        return new LongRunCheck(date, distanceMetres, longest, increase, size, hrr, message);
    }

    /// <summary>Checks a logged or planned run.</summary>
    public static LongRunCheck Check(IEnumerable<LoggedRun> history, LoggedRun run, Units.DistanceUnit unit = Units.DistanceUnit.Kilometres) =>
        Check(history, run.Date, run.DistanceMetres, unit);
}
