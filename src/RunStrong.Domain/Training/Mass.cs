using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RunStrong.Domain.Training;

/// <summary>The unit a runner thinks in when loading a bar.</summary>
public enum MassUnit
{
    Kilograms,
    Pounds,
}

/// <summary>
/// A load lifted: an immutable mass, stored in kilograms, never negative. Build it with <see cref="FromKilograms"/>,
/// <see cref="FromPounds"/> or, from what a person typed, <see cref="TryParse(string?, out Mass, out string?)"/> ("60kg", "135 lb").
/// A pound is exactly 0.45359237 kg (international avoirdupois pound, 1959).
/// Dumbbell and kettlebell loads are logged per hand.
/// </summary>
public readonly partial record struct Mass : IComparable<Mass>
{
    /// <summary>Kilograms per pound, exact by definition.</summary>
    public const double KilogramsPerPound = 0.45359237;

    private Mass(double kilograms) => Kilograms = kilograms;

    /// <summary>Kilograms, 0 or more.</summary>
    public double Kilograms { get; }

    /// <summary>Pounds, 0 or more.</summary>
    public double Pounds => Kilograms / KilogramsPerPound;

    public static Mass Zero { get; } = new(0);

    public static Mass FromKilograms(double kilograms) => new(Guard.AtLeast(kilograms, 0, "load in kg"));

    public static Mass FromPounds(double pounds) => new(Guard.AtLeast(pounds, 0, "load in lb") * KilogramsPerPound);

    public static Mass From(double value, MassUnit unit) => unit == MassUnit.Pounds ? FromPounds(value) : FromKilograms(value);

    /// <summary>The value in <paramref name="unit"/>.</summary>
    public double In(MassUnit unit) => unit == MassUnit.Pounds ? Pounds : Kilograms;

    /// <summary>"60 kg", "62.5 kg", "135 lb": at most two decimals, no trailing zeros.</summary>
    public string Format(MassUnit unit = MassUnit.Kilograms) =>
        Math.Round(In(unit), 2).ToString("0.##", CultureInfo.InvariantCulture) + (unit == MassUnit.Pounds ? " lb" : " kg");

    public override string ToString() => Format();

    public int CompareTo(Mass other) => Kilograms.CompareTo(other.Kilograms);

    public static bool operator <(Mass left, Mass right) => left.Kilograms < right.Kilograms;

    public static bool operator >(Mass left, Mass right) => left.Kilograms > right.Kilograms;

    public static bool operator <=(Mass left, Mass right) => left.Kilograms <= right.Kilograms;

    public static bool operator >=(Mass left, Mass right) => left.Kilograms >= right.Kilograms;

    public static Mass operator *(Mass mass, double factor) => FromKilograms(mass.Kilograms * factor);

    /// <summary>Reads a load a person typed: a number and a unit, "60kg", "62.5 kg", "135 lb", "135 lbs", "60,5 kg".</summary>
    /// <param name="error">Why the text is not a load, in words to show the person; null on success.</param>
    public static bool TryParse(string? text, out Mass mass, [NotNullWhen(false)] out string? error) =>
        TryParse(text, bareUnit: null, out mass, out error);

    /// <summary>
    /// As <see cref="TryParse(string?, out Mass, out string?)"/>, but a bare number ("60") is taken in
    /// <paramref name="bareUnit"/> (the runner's unit) when one is given, instead of being refused.
    /// </summary>
    public static bool TryParse(string? text, MassUnit? bareUnit, out Mass mass, [NotNullWhen(false)] out string? error)
    {
        mass = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "enter a load with its unit, such as 60kg or 135 lb";
            return false;
        }

        var match = LoadPattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text.Trim()}' is not a load: write a number and a unit, such as 60kg or 135 lb";
            return false;
        }

        var number = double.Parse(match.Groups["number"].Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        if (unit.Length == 0)
        {
            if (bareUnit is { } taken)
            {
                mass = From(number, taken);
                error = null;
                return true;
            }

            error = $"'{text.Trim()}' has no unit: write {match.Groups["number"].Value}kg or {match.Groups["number"].Value} lb";
            return false;
        }

        mass = unit.StartsWith('k') ? FromKilograms(number) : FromPounds(number);
        error = null;
        return true;
    }

    /// <summary>As <see cref="TryParse(string?, out Mass, out string?)"/>, throwing <see cref="FormatException"/> with the same message.</summary>
    public static Mass Parse(string text) => TryParse(text, out var mass, out var error) ? mass : throw new FormatException(error);

    [GeneratedRegex(@"^\s*(?<number>\d+(?:[.,]\d+)?)\s*(?<unit>kgs?|kilos?|kilograms?|lbs?|pounds?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoadPattern();
}
