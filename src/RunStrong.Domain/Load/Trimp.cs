using RunStrong.Domain.Training;

namespace RunStrong.Domain.Load;

/// <summary>Which of Banister's TRIMP weightings applies.</summary>
public enum TrimpWeighting
{
    Men,
    Women,
}

/// <summary>
/// Banister's training impulse (Banister 1991; domain.md §6): heart-rate reserve fraction
/// <c>HRr = (HRavg − HRrest)/(HRmax − HRrest)</c>; <c>TRIMP = minutes · HRr · 0.64·e^(1.92·HRr)</c> for men,
/// <c>0.86·e^(1.67·HRr)</c> for women.
/// </summary>
public static class Trimp
{
    /// <summary>The heart-rate reserve fraction, 0–1.</summary>
    public static double HeartRateReserve(double averageHeartRate, double restingHeartRate, double maxHeartRate)
    {
        Guard.Between(restingHeartRate, 20, 120, "resting heart rate");
        if (!(maxHeartRate > restingHeartRate) || maxHeartRate > 250)
        {
            throw new DomainValueException(Guard.Text($"max heart rate must be above the resting heart rate ({restingHeartRate}) and at most 250, got {maxHeartRate}"));
        }

        return Guard.Between(averageHeartRate, restingHeartRate, maxHeartRate, "average heart rate") is var hr
            ? (hr - restingHeartRate) / (maxHeartRate - restingHeartRate)
            : 0;
    }

    /// <summary>Banister TRIMP, arbitrary units.</summary>
    /// <param name="minutes">Duration, 0 or more.</param>
    /// <param name="averageHeartRate">Beats per minute, between resting and max.</param>
    public static double Banister(double minutes, double averageHeartRate, double restingHeartRate, double maxHeartRate, TrimpWeighting weighting)
    {
        Guard.AtLeast(minutes, 0, "minutes");
        var hrr = HeartRateReserve(averageHeartRate, restingHeartRate, maxHeartRate);
        var factor = weighting == TrimpWeighting.Women ? 0.86 * Math.Exp(1.67 * hrr) : 0.64 * Math.Exp(1.92 * hrr);
        return minutes * hrr * factor;
    }

    /// <summary>A run's Banister TRIMP from its duration and average heart rate; null when no heart rate was recorded.</summary>
    public static double? Banister(LoggedRun run, double restingHeartRate, double maxHeartRate, TrimpWeighting weighting) =>
        run.AverageHeartRate is { } hr ? Banister(run.Duration.TotalMinutes, hr, restingHeartRate, maxHeartRate, weighting) : null;
}
