using System.Text.Json;

namespace RunStrong.Domain.Catalogue;

/// <summary>Kebab-case names for enum values and free text: <c>GluteusMaximus</c> -> <c>gluteus-maximus</c>.</summary>
public static class Kebab
{
    /// <summary>The kebab-case name of an enum value.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Parses a kebab-case (or PascalCase, or spaced) name; false when it names no value.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        return !int.TryParse(compact, out _) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>All kebab-case names of an enum, for messages that list what is allowed.</summary>
    public static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(Name).ToArray();

    /// <summary>A slug from free text: lower case, letters and digits, words joined by single hyphens.</summary>
    public static string Slugify(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }
}
