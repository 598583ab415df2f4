using System.Globalization;

namespace RunStrong.Domain.Training;

/// <summary>
/// A value outside what the training log accepts (negative reps, an RPE of 12). The message names the value and what was
/// given ("reps must be 0 or more, got -3") so that a feature can show it as it is. Input from people should be checked
/// with the <c>TryParse</c> helpers first; this is the last line.
/// </summary>
public sealed class DomainValueException(string message) : ArgumentException(message);

/// <summary>Guard clauses for the domain types, in one place so that every message reads the same way.</summary>
internal static class Guard
{
    public static string NotBlank(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainValueException($"{name} must not be empty") : value.Trim();

    public static int AtLeast(int value, int minimum, string name) =>
        value >= minimum ? value : throw new DomainValueException(Text($"{name} must be {minimum} or more, got {value}"));

    public static double AtLeast(double value, double minimum, string name) =>
        double.IsFinite(value) && value >= minimum ? value : throw new DomainValueException(Text($"{name} must be {minimum} or more, got {value}"));

    public static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new DomainValueException(Text($"{name} must be more than 0, got {value}"));

    public static int Between(int value, int minimum, int maximum, string name) =>
        value >= minimum && value <= maximum
            ? value
            : throw new DomainValueException(Text($"{name} must be between {minimum} and {maximum}, got {value}"));

    public static double Between(double value, double minimum, double maximum, string name) =>
        double.IsFinite(value) && value >= minimum && value <= maximum
            ? value
            : throw new DomainValueException(Text($"{name} must be between {minimum} and {maximum}, got {value}"));

    public static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new DomainValueException($"{name} must be more than 0, got {value}");

    public static TEnum Defined<TEnum>(TEnum value, string name) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainValueException($"{name} must be one of {string.Join(", ", Catalogue.Kebab.Names<TEnum>())}, got {value}");

    /// <summary>Invariant formatting: messages read the same whatever the server's culture.</summary>
    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
