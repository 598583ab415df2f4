namespace RunStrong.Domain.Prediction;

/// <summary>A pace range, seconds per kilometre: <see cref="Fast"/> is the quicker (smaller) end.</summary>
public readonly record struct PaceRange(double Fast, double Slow);

/// <summary>
/// Daniels' training paces from a VDOT (Daniels J. 2014, <i>Daniels' Running Formula</i>, 3rd ed., ch. 4): each kind of run
/// is an intensity as a fraction of VO2max, and its pace the speed whose oxygen cost (Daniels &amp; Gilbert 1979, domain.md §5:
/// <c>VO2(v) = −4.60 + 0.182258·v + 0.000104·v²</c>) is that fraction of the VDOT.
/// <list type="table">
/// <item><term>Easy and long runs (E)</term><description>59–74 % of VO2max</description></item>
/// <item><term>Threshold (T), "comfortably hard"</term><description>83–88 %</description></item>
/// <item><term>Interval (I), hard, 3–5 min repeats</term><description>95–100 %</description></item>
/// </list>
/// Vector: VDOT 50 -> threshold pace 4:15 /km and interval pace 3:55 /km (Daniels' published table; the fast ends of T and
/// the middle of I). Meaningful for a VDOT of about 30–85, the range of Daniels' tables; <see cref="IsCovered"/> says so.
/// </summary>
public static class TrainingPaces
{
    /// <summary>Lowest VDOT Daniels' tables cover.</summary>
    public const double MinVdot = 30;

    /// <summary>Highest VDOT Daniels' tables cover.</summary>
    public const double MaxVdot = 85;

    /// <summary>True when <paramref name="vdot"/> lies in the range Daniels' tables cover, so its paces can be shown as fact.</summary>
    public static bool IsCovered(double vdot) => double.IsFinite(vdot) && vdot >= MinVdot && vdot <= MaxVdot;

    /// <summary>Easy and long runs: 59–74 % of VO2max.</summary>
    public static PaceRange Easy(double vdot) => Range(vdot, 0.59, 0.74);

    /// <summary>Threshold (tempo) running: 83–88 % of VO2max.</summary>
    public static PaceRange Threshold(double vdot) => Range(vdot, 0.83, 0.88);

    /// <summary>Intervals of 3–5 minutes: 95–100 % of VO2max.</summary>
    public static PaceRange Interval(double vdot) => Range(vdot, 0.95, 1.00);

    /// <summary>The speed whose oxygen cost is <paramref name="vo2"/> ml/kg/min, metres per minute (the root of Daniels &amp; Gilbert's quadratic).</summary>
    public static double SpeedAt(double vo2)
    {
        const double a = 0.000104, b = 0.182258;
        var c = -4.60 - vo2;
        return (-b + Math.Sqrt((b * b) - (4 * a * c))) / (2 * a);
    }

    /// <summary>Seconds per km at the speed whose oxygen cost is <paramref name="fraction"/> of <paramref name="vdot"/>.</summary>
    public static double SecondsPerKm(double vdot, double fraction) => 60_000 / SpeedAt(vdot * fraction);

    private static PaceRange Range(double vdot, double low, double high) => new(SecondsPerKm(vdot, high), SecondsPerKm(vdot, low));
}
