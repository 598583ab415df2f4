using RunStrong.Domain.Training;

namespace RunStrong.Domain.Prediction;

/// <summary>
/// Riegel (1977, 1981): <c>T2 = T1 · (D2/D1)^k</c>, k = 1.06. Well calibrated up to the half marathon; for the marathon it is
/// optimistic by 10 minutes or more for half of runners (Vickers &amp; Vertosick 2016, n = 2303), whose data fit k ≈ 1.15
/// from the half to the marathon. Vector: 5 km in 20:00 -> 10 km 41:42, half 1:32:00, marathon 3:11:49.
/// </summary>
public static class Riegel
{
    /// <summary>Riegel's exponent, 1.06.</summary>
    public const double DefaultExponent = 1.06;

    /// <summary>The exponent runner data fit from the half to the marathon (Vickers &amp; Vertosick 2016), 1.15.</summary>
    public const double MarathonExponent = 1.15;

    /// <param name="exponent">Fatigue exponent, 1.0–1.3; 1.06 by default.</param>
    public static RaceTime Predict(RaceDistance from, RaceTime time, RaceDistance to, double exponent = DefaultExponent) =>
        RaceTime.FromSeconds(time.TotalSeconds * Math.Pow(to.Metres / from.Metres, Guard.Between(exponent, 1.0, 1.3, "Riegel exponent")));
}

/// <summary>
/// Daniels &amp; Gilbert (1979) "VDOT": the oxygen cost of a pace divided by the fraction of VO2max sustainable for the race's
/// duration. v in metres per minute, t in minutes:
/// <c>VO2(v) = −4.60 + 0.182258·v + 0.000104·v²</c>; <c>%max(t) = 0.8 + 0.1894393·e^(−0.012778·t) + 0.2989558·e^(−0.1932605·t)</c>;
/// <c>VDOT = VO2(d/t) / %max(t)</c>. Predictions solve VDOT(d2, t) = VDOT1 for t by bisection (VDOT falls as t grows).
/// Vector: 5 km in 20:00 -> VDOT 49.81; Daniels' published table is matched within 0.25 %.
/// </summary>
public static class DanielsGilbert
{
    /// <summary>Oxygen cost of running at <paramref name="metresPerMinute"/>, ml/kg/min.</summary>
    public static double OxygenCost(double metresPerMinute) =>
        -4.60 + (0.182258 * metresPerMinute) + (0.000104 * metresPerMinute * metresPerMinute);

    /// <summary>Fraction of VO2max sustainable for <paramref name="minutes"/> (about 1.0 at 11 min, 0.8 for very long efforts).</summary>
    public static double FractionOfMax(double minutes) =>
        0.8 + (0.1894393 * Math.Exp(-0.012778 * minutes)) + (0.2989558 * Math.Exp(-0.1932605 * minutes));

    /// <summary>The VDOT of a performance, ml/kg/min.</summary>
    public static double Vdot(RaceDistance distance, RaceTime time)
    {
        var minutes = time.TotalMinutes;
        return OxygenCost(distance.Metres / minutes) / FractionOfMax(minutes);
    }

    /// <summary>The time at <paramref name="distance"/> whose VDOT is <paramref name="vdot"/>.</summary>
    /// <exception cref="DomainValueException">When no time between 1,500 and 30 m/min matches (VDOT far outside human range).</exception>
    public static RaceTime Predict(double vdot, RaceDistance distance)
    {
        // Bracket between a pace faster than any world record (1,500 m/min) and a slow walk (30 m/min).
        var fast = distance.Metres / 1500 * 60;
        var slow = distance.Metres / 30 * 60;
        if (!(Vdot(distance, RaceTime.FromSeconds(fast)) > vdot && Vdot(distance, RaceTime.FromSeconds(slow)) < vdot))
        {
            throw new DomainValueException(Guard.Text($"VDOT must be a value a runner can have (about 15–90), got {vdot:0.##}"));
        }

        for (var i = 0; i < 200 && slow - fast > 1e-6; i++)
        {
            var middle = (fast + slow) / 2;
            if (Vdot(distance, RaceTime.FromSeconds(middle)) > vdot)
            {
                fast = middle;
            }
            else
            {
                slow = middle;
            }
        }

        return RaceTime.FromSeconds((fast + slow) / 2);
    }

    public static RaceTime Predict(RaceDistance from, RaceTime time, RaceDistance to) => Predict(Vdot(from, time), to);
}

/// <summary>
/// Dave Cameron's model (domain.md §5), an empirical fit to race results:
/// <c>t2 = (t1/d1)·d2·f(d1)/f(d2)</c>, <c>f(d) = 13.49681 − 0.000030363·d + 835.7114/d^0.7905</c>, d in metres.
/// More conservative than Riegel for the marathon. Vector: 5 km in 20:00 -> 10 km 41:40, half 1:31:51, marathon 3:15:11.
/// </summary>
public static class Cameron
{
    /// <summary>Cameron's speed factor f(d), d in metres.</summary>
    public static double Factor(double metres) => 13.49681 - (0.000030363 * metres) + (835.7114 / Math.Pow(metres, 0.7905));

    public static RaceTime Predict(RaceDistance from, RaceTime time, RaceDistance to) =>
        RaceTime.FromSeconds(time.TotalSeconds / from.Metres * to.Metres * Factor(from.Metres) / Factor(to.Metres));
}
