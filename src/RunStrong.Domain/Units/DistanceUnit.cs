using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RunStrong.Domain.Units;

/// <summary>The unit a runner reads distances and paces in. Stored data stays in metres and seconds (SI).</summary>
public enum DistanceUnit
{
    Kilometres,
    Miles,
}

/// <summary>
/// Distances, paces and durations as a runner reads them, in kilometres or miles. A mile is exactly 1,609.344 m
/// (international mile, 1959). Values that cannot be shown (not finite, negative) read "–".
/// </summary>
public static class Measure
{
    /// <summary>Metres in an international mile, exact by definition.</summary>
    public const double MetresPerMile = 1609.344;

    /// <summary>What a missing or impossible value reads as.</summary>
    public const string Missing = "–";

    /// <summary>Metres in one <paramref name="unit"/>: 1000 or 1609.344.</summary>
    public static double MetresPer(DistanceUnit unit) => unit == DistanceUnit.Miles ? MetresPerMile : 1000;

    /// <summary>"km" or "mi".</summary>
    public static string Symbol(DistanceUnit unit) => unit == DistanceUnit.Miles ? "mi" : "km";

    /// <summary>The kebab name used in settings and the API: "km" or "mi".</summary>
    public static string Name(DistanceUnit unit) => Symbol(unit);

    /// <summary>"km"/"kilometres"/"mi"/"miles", any case.</summary>
    public static bool TryParse(string? text, out DistanceUnit unit)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "km" or "kilometre" or "kilometres" or "kilometer" or "kilometers":
                unit = DistanceUnit.Kilometres;
                return true;
            case "mi" or "mile" or "miles":
                unit = DistanceUnit.Miles;
                return true;
            default:
                unit = DistanceUnit.Kilometres;
                return false;
        }
    }

    /// <summary>A distance in the unit: 10000 m -> 10 km or 6.2137 mi.</summary>
    public static double In(double metres, DistanceUnit unit) => metres / MetresPer(unit);

    /// <summary>"10.00 km", "6.21 mi" (two decimals by default).</summary>
    public static string Distance(double metres, DistanceUnit unit, int decimals = 2) =>
        double.IsFinite(metres) && metres >= 0
            ? In(metres, unit).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Symbol(unit)
            : Missing;

    /// <summary>Metres in an international foot, exact by definition (1959).</summary>
    public const double MetresPerFoot = 0.3048;

    /// <summary>The unit climb and elevation are read in beside <paramref name="unit"/>: "m" with km, "ft" with miles.</summary>
    public static string HeightSymbol(DistanceUnit unit) => unit == DistanceUnit.Miles ? "ft" : "m";

    /// <summary>A height (climb, elevation) in metres or feet: 100 m -> 100 or 328.08.</summary>
    public static double HeightIn(double metres, DistanceUnit unit) => unit == DistanceUnit.Miles ? metres / MetresPerFoot : metres;

    /// <summary>"120 m", "394 ft" (whole metres or feet); "–" when missing or not finite.</summary>
    public static string Height(double? metres, DistanceUnit unit) =>
        metres is { } m && double.IsFinite(m)
            ? Math.Round(HeightIn(m, unit)).ToString("0", CultureInfo.InvariantCulture) + " " + HeightSymbol(unit)
            : Missing;

    /// <summary>
    /// A stretch of a run short enough for metres (a climb's length): "850 m" beside km, "0.53 mi" beside miles (a climb
    /// is read in feet of gain, never in thousands of feet long); "–" when missing.
    /// </summary>
    public static string Stretch(double? metres, DistanceUnit unit) =>
        unit == DistanceUnit.Miles ? metres is { } m ? Distance(m, unit) : Missing : Height(metres, unit);

    /// <summary>A change in height with its sign: "+12 m", "−16 ft", "0 m"; "–" when missing.</summary>
    public static string HeightChange(double? metres, DistanceUnit unit)
    {
        if (metres is not { } m || !double.IsFinite(m))
        {
            return Missing;
        }

        var r = Math.Round(HeightIn(m, unit));
        var size = Math.Abs(r).ToString("0", CultureInfo.InvariantCulture) + " " + HeightSymbol(unit);
        return r > 0 ? "+" + size : r < 0 ? "−" + size : size;
    }

    /// <summary>Seconds per unit from seconds per km: 300 s/km -> 482.8 s/mi.</summary>
    public static double PaceIn(double secondsPerKm, DistanceUnit unit) => secondsPerKm * MetresPer(unit) / 1000;

    /// <summary>"5:00 /km", "8:03 /mi" from a pace in s/km; "–" when missing or impossible.</summary>
    public static string Pace(double? secondsPerKm, DistanceUnit unit) =>
        secondsPerKm is { } p && double.IsFinite(p) && p > 0 ? Duration(PaceIn(p, unit)) + " /" + Symbol(unit) : Missing;

    /// <summary>"4:05", "1:02:03" (whole seconds); "–" when missing or negative.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s || !double.IsFinite(s) || s < 0)
        {
            return Missing;
        }

        var t = TimeSpan.FromSeconds(Math.Round(s));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }

    /// <summary>Tries "kg"/"lb" (also "kilograms", "pounds", "lbs").</summary>
    public static bool TryParseMass(string? text, [NotNullWhen(true)] out Training.MassUnit? unit)
    {
        unit = text?.Trim().ToLowerInvariant() switch
        {
            "kg" or "kgs" or "kilogram" or "kilograms" => Training.MassUnit.Kilograms,
            "lb" or "lbs" or "pound" or "pounds" => Training.MassUnit.Pounds,
            _ => null,
        };
        return unit is not null;
    }
}
