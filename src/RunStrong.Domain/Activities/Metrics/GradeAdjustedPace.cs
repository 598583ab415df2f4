namespace RunStrong.Domain.Activities.Metrics;

/// <summary>
/// Grade-adjusted pace from the energy cost of running on slopes (Minetti et al. 2002, J Appl Physiol 93:1039):
/// C(i) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6 J/kg/m, i = rise/run, fitted for −0.45 ≤ i ≤ 0.45.
/// </summary>
public static class GradeAdjustedPace
{
    /// <summary>Energy cost of running on the flat, J/kg/m (Minetti 2002).</summary>
    public const double FlatCostJoulesPerKgPerMeter = 3.6;

    /// <summary>Steepest grade the polynomial was fitted on (±45 %); steeper grades are clamped to it.</summary>
    public const double MaxGrade = 0.45;

    /// <summary>Energy cost C(i), J/kg/m, with the grade clamped to ±0.45.</summary>
    /// <param name="grade">Rise over run, fraction (0.10 = 10 % uphill).</param>
    public static double CostJoulesPerKgPerMeter(double grade)
    {
        var i = double.IsFinite(grade) ? Math.Clamp(grade, -MaxGrade, MaxGrade) : 0;
        return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + 3.6;
    }

    /// <summary>
    /// How many flat metres one metre at this grade is worth: C(i) / 3.6. +0.10 -> 1.658, +0.05 -> 1.301,
    /// −0.05 -> 0.763, −0.10 -> 0.598 (domain.md §7).
    /// </summary>
    public static double Factor(double grade) => CostJoulesPerKgPerMeter(grade) / FlatCostJoulesPerKgPerMeter;

    /// <summary>The flat-equivalent pace of running at <paramref name="paceSecondsPerKm"/> on a grade, s/km.</summary>
    public static double AdjustPace(double paceSecondsPerKm, double grade) => paceSecondsPerKm / Factor(grade);
}
