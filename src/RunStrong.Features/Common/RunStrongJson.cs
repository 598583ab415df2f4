using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunStrong.Features.Common;

/// <summary>The one JSON shape RunStrong speaks in its API, CLI and storage: camelCase names, kebab-case enum values.</summary>
public static class RunStrongJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Applies RunStrong's conventions to options someone else owns (ASP.NET Core's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));

        // JSON goes to API clients, scripts and files, never into an HTML page unescaped, so apostrophes and
        // accented letters stay as they are ("Arnold's", "Kniebeuge") instead of \u0027 escapes.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
