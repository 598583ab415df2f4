using System.Globalization;
using System.Text.RegularExpressions;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// The CLI's compact way to write one set, read into a <see cref="SetInput"/> (the exercise and variant come from the
/// command's options):
/// <code>
/// REPS[/side] [x LOAD UNIT] [+BAND] [@RPE | @RIR rir] [:pain] [:failed]
/// SECONDS s   [x LOAD UNIT] [+BAND] [@RPE]            [:pain] [:failed]
/// </code>
/// Examples: <c>12x60kg@7</c> (12 reps at 60 kg, RPE 7), <c>8x135lb@8.5</c>, <c>10/side@7</c> (10 reps each leg; reps
/// are always per side for single-leg work, so /side only says so), <c>15+light</c> (a light loop band),
/// <c>12x20kg+medium@8</c>, <c>30s</c> (a 30-second hold), <c>12@2rir</c> (2 reps in reserve), <c>6x80kg@10:failed</c>,
/// <c>10@7:pain</c>. Spaces are ignored. A load without a unit (<c>12x60</c>) is taken in the runner's weight unit.
/// </summary>
public static partial class SetNotation
{
    public const string Help = "REPS[/side][xLOAD][+BAND][@RPE|@Nrir][:pain][:failed], or SECONDSs for a hold; e.g. 12x60kg@7, 10/side@8, 15+light, 30s, 8x135lb@9:pain";

    /// <param name="index">The set's index, from 0; errors say "set 1".</param>
    public static SetInput Parse(string text, int index, string? exercise, string? variant)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"set {index + 1}");
        var field = string.Create(CultureInfo.InvariantCulture, $"sets[{index}]");
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var match = Pattern().Match(compact);
        if (!match.Success)
        {
            throw new UserInputException(field, $"{label}: '{text?.Trim()}' is not a set: write {Help}");
        }

        var flags = match.Groups["flag"].Captures.Select(c => c.Value).ToArray();
        var unknownFlag = flags.FirstOrDefault(f => f is not ("pain" or "failed" or "fail"));
        if (unknownFlag is not null)
        {
            throw new UserInputException(field, $"{label}: unknown mark ':{unknownFlag}'; use :pain or :failed");
        }

        int? reps = null;
        int? seconds = null;
        var count = int.Parse(match.Groups["count"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (match.Groups["secs"].Success)
        {
            seconds = count;
            reps = 0;
        }
        else
        {
            reps = count;
        }

        double? rpe = null;
        int? rir = null;
        if (match.Groups["rir"].Success)
        {
            rir = int.Parse(match.Groups["effort"].Value, CultureInfo.InvariantCulture);
        }
        else if (match.Groups["effort"].Success)
        {
            rpe = double.Parse(match.Groups["effort"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        return new SetInput
        {
            Exercise = exercise,
            Variant = variant,
            Reps = reps,
            Seconds = seconds,
            Load = match.Groups["load"].Success ? match.Groups["load"].Value : null,
            Band = match.Groups["band"].Success ? match.Groups["band"].Value : null,
            Rpe = rpe,
            RepsInReserve = rir,
            Pain = flags.Contains("pain"),
            Completed = !(flags.Contains("failed") || flags.Contains("fail")),
        };
    }

    /// <summary>Writes a stored set back in the notation.</summary>
    public static string Format(LoggedSetView set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var text = set.Seconds is { } s && set.Reps == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{s}s")
            : set.Reps.ToString(CultureInfo.InvariantCulture);
        if (set.LoadValue is { } load)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"x{load:0.##}{set.LoadUnit}");
        }

        if (set.Band is { } band)
        {
            text += "+" + band;
        }

        if (set.Rpe is { } rpe)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"@{rpe:0.#}");
        }
        else if (set.RepsInReserve is { } rir)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"@{rir}rir");
        }

        if (set.Pain)
        {
            text += ":pain";
        }

        if (!set.Completed)
        {
            text += ":failed";
        }

        return text;
    }

    [GeneratedRegex(@"^(?<count>-?\d+)(?:(?<secs>s)|(?:/side)?)(?:x(?<load>\d+(?:[.,]\d+)?[a-z]*))?(?:\+(?<band>[a-z]+))?(?:@(?<effort>\d+(?:\.\d+)?)(?<rir>rir)?)?(?::(?<flag>[a-z]+))*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
