using System.CommandLine.Parsing;
using System.Globalization;

namespace RunStrong.Cli;

/// <summary>A command line System.CommandLine could not parse, said in the user's words.</summary>
internal static class ParseErrors
{
    /// <summary>
    /// A value of the wrong type names the option and what it takes (<c>--rpe: expected a number, got "abc"</c>); any other
    /// mistake (an unknown option, a missing value) keeps System.CommandLine's own message, which already names it.
    /// </summary>
    public static string Describe(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (name, type, tokens) = error.SymbolResult switch
        {
            ArgumentResult { Parent: OptionResult option } argument => (option.Option.Name, argument.Argument.ValueType, argument.Tokens),
            ArgumentResult argument => ($"<{argument.Argument.Name.ToUpperInvariant()}>", argument.Argument.ValueType, argument.Tokens),
            OptionResult option => (option.Option.Name, option.Option.ValueType, option.Tokens),
            _ => (null, null, (IReadOnlyList<Token>)[]),
        };
        if (name is null || type is null || Expected(type) is not { } expected)
        {
            return error.Message;
        }

        var bad = tokens.FirstOrDefault(t => !Parses(t.Value, type));
        return bad is null ? error.Message : $"{name}: expected {expected}, got \"{bad.Value}\"";
    }

    private static Type Plain(Type type) => Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);

    private static string? Expected(Type type) => Plain(type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(double) || t == typeof(decimal) || t == typeof(float) => "a number",
        var t when t == typeof(DateOnly) => "a date YYYY-MM-DD",
        var t when t == typeof(bool) => "true or false",
        var t when t.IsEnum => "one of " + string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant())),
        _ => null,
    };

    private static bool Parses(string text, Type type) => Plain(type) switch
    {
        var t when t == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(DateOnly) => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _),
        var t when t == typeof(bool) => bool.TryParse(text, out _),
        var t when t.IsEnum => Enum.TryParse(t, text, ignoreCase: true, out _),
        _ => true,
    };
}
