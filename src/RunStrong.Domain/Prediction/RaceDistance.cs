using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Prediction;

/// <summary>
/// A race distance in metres. Standard distances have names (<c>5k</c>, <c>half</c>); the half marathon is 21,097.5 m
/// and the marathon 42,195 m (World Athletics); a mile is 1,609.344 m.
/// </summary>
public readonly partial record struct RaceDistance : IComparable<RaceDistance>
{
    private const string AcceptedForms = "400m, 1k, 1mi, 5k, 10k, 15k, half, marathon, 6.2mi, or a number of metres such as 3000";

    private RaceDistance(double metres) => Metres = metres;

    /// <summary>Metres, more than 0.</summary>
    public double Metres { get; }

    public double Kilometres => Metres / 1000;

    public static RaceDistance Metres400 { get; } = new(400);

    public static RaceDistance Kilometre { get; } = new(1000);

    public static RaceDistance Mile { get; } = new(1609.344);

    public static RaceDistance FiveK { get; } = new(5000);

    public static RaceDistance TenK { get; } = new(10000);

    public static RaceDistance FifteenK { get; } = new(15000);

    public static RaceDistance HalfMarathon { get; } = new(21097.5);

    public static RaceDistance Marathon { get; } = new(42195);

    /// <summary>The standard distances, shortest first: 400 m, 1 km, 1 mile, 5 km, 10 km, 15 km, half, marathon.</summary>
    public static IReadOnlyList<RaceDistance> Standard { get; } =
        [Metres400, Kilometre, Mile, FiveK, TenK, FifteenK, HalfMarathon, Marathon];

    public static RaceDistance FromMetres(double metres) => new(Guard.Positive(metres, "distance in metres"));

    public static RaceDistance FromKilometres(double kilometres) => new(Guard.Positive(kilometres, "distance in km") * 1000);

    /// <summary>A runner's name for the distance: <c>5k</c>, <c>1mi</c>, <c>half</c>, <c>marathon</c>, else <c>3000m</c>.</summary>
    public string Name => Metres switch
    {
        400 => "400m",
        1000 => "1k",
        1609.344 => "1mi",
        21097.5 => "half",
        42195 => "marathon",
        _ when Metres % 1000 == 0 => (Metres / 1000).ToString(CultureInfo.InvariantCulture) + "k",
        _ => Metres.ToString("0.#", CultureInfo.InvariantCulture) + "m",
    };

    public override string ToString() => Name;

    /// <summary>
    /// The distance as a runner who counts in <paramref name="unit"/> says it: a standard distance by its race name
    /// (<c>5k</c>, <c>10k</c>, <c>half</c>, <c>1mi</c>), any other in the unit with at most two decimals (<c>8 km</c>,
    /// <c>8.5 km</c>, <c>6 mi</c>, <c>6.21 mi</c>), never in metres as <see cref="Name"/> gives it (<c>9656.1m</c>).
    /// </summary>
    public string NameIn(Units.DistanceUnit unit) => Standard.Contains(this)
        ? Name
        : Units.Measure.In(Metres, unit).ToString("0.##", CultureInfo.InvariantCulture) + " " + Units.Measure.Symbol(unit);

    public int CompareTo(RaceDistance other) => Metres.CompareTo(other.Metres);

    public static bool operator <(RaceDistance left, RaceDistance right) => left.Metres < right.Metres;

    public static bool operator >(RaceDistance left, RaceDistance right) => left.Metres > right.Metres;

    public static bool operator <=(RaceDistance left, RaceDistance right) => left.Metres <= right.Metres;

    public static bool operator >=(RaceDistance left, RaceDistance right) => left.Metres >= right.Metres;

    /// <summary>
    /// Reads a distance a person typed: <c>400m</c>, <c>1k</c>/<c>1km</c>, <c>1mi</c>/<c>mile</c>, <c>5k</c>, <c>10k</c>,
    /// <c>15k</c>, <c>half</c>/<c>half marathon</c>, <c>marathon</c>, or metres (<c>3000</c>, <c>3000m</c>), kilometres
    /// (<c>21.1k</c>) or miles (<c>6.2mi</c>, <c>3 miles</c>).
    /// </summary>
    /// <param name="error">Why the text is not a distance, listing the accepted forms; null on success.</param>
    public static bool TryParse(string? text, out RaceDistance distance, [NotNullWhen(false)] out string? error)
    {
        distance = default;
        // Hyphens join words ("half-marathon"), never numbers: "-5k" is refused, not read as 5 km.
        var spaced = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        var compact = spaced.Replace("-", "", StringComparison.Ordinal);
        RaceDistance? named = compact switch
        {
            "half" or "halfmarathon" or "hm" or "21k" or "21.1k" => HalfMarathon,
            "marathon" or "full" or "fullmarathon" or "42k" or "42.2k" => Marathon,
            "1mi" or "mi" or "mile" or "1mile" => Mile,
            _ => null,
        };
        if (named is { } n)
        {
            distance = n;
            error = null;
            return true;
        }

        var match = NumberPattern().Match(spaced);
        if (match.Success)
        {
            var number = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (match.Groups["unit"].Length == 0 && number > 0 && number < BareMetresFrom)
            {
                // "10" is 10 km or 10 miles to a runner far more often than 10 m: ask rather than guess.
                var typed = match.Groups["number"].Value;
                error = $"'{text!.Trim()}' has no unit: write {typed}k, {typed} mi or {typed} m";
                return false;
            }

            var metres = match.Groups["unit"].Value switch
            {
                "k" or "km" => number * 1000,
                "mi" or "mile" or "miles" => number * Units.Measure.MetresPerMile,
                _ => number,
            };
            if (metres > 0)
            {
                distance = new RaceDistance(metres);
                error = null;
                return true;
            }
        }

        error = string.IsNullOrWhiteSpace(text)
            ? $"enter a distance: {AcceptedForms}"
            : $"'{text.Trim()}' is not a distance I know: use {AcceptedForms}";
        return false;
    }

    /// <summary>A bare number is read as metres from this value on ("400", "5000"); below it a unit is asked for ("10").</summary>
    public const double BareMetresFrom = 100;

    /// <summary>As <see cref="TryParse"/>, throwing <see cref="FormatException"/> with the same message.</summary>
    public static RaceDistance Parse(string text) => TryParse(text, out var d, out var error) ? d : throw new FormatException(error);

    [GeneratedRegex(@"^(?<number>\d+(?:\.\d+)?)(?<unit>m|k|km|mi|miles?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
