using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace RunStrong.Web.Api;

/// <summary>
/// What was wrong with a request the API could not bind (a body that is not JSON, a value of the wrong type, an unknown
/// field, a query value that does not parse), in the client's words: the field as the client wrote it
/// (<c>sets[0].reps</c>, <c>before</c>) and a plain message (<c>reps: expected a whole number, got "twelve"</c>).
/// </summary>
/// <remarks>
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for these (RouteHandlerOptions.ThrowOnBadRequest, set in
/// every environment), with System.Text.Json's <see cref="JsonException"/> inside for a body; its
/// <see cref="JsonException.Path"/> names the field. The value itself is read again from the body, which
/// <see cref="UseRereadableJsonBodies"/> keeps for that.
/// </remarks>
public static partial class RequestProblems
{
    /// <summary>How much of a refused body is read again to quote the bad value; beyond it the message names the field only.</summary>
    private const int MaxBodyToQuote = 1024 * 1024;

    /// <summary>Lets a JSON body be read a second time, to quote the value a refusal is about.</summary>
    public static IApplicationBuilder UseRereadableJsonBodies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.HasJsonContentType() && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });

    /// <summary>The status, field and message for a request the API could not bind.</summary>
    public static async Task<(int Status, string Field, string Message)> DescribeAsync(HttpContext context, BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var body = await ReadBodyAgainAsync(context.Request);
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var (field, message) = DescribeBody(json, body, BodyType(context), options);
            return (StatusCodes.Status400BadRequest, field, message);
        }

        if (BindFailed().Match(exception.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var value = bind.Groups["value"].Value;
            return (StatusCodes.Status400BadRequest, name, $"{name}: expected {Expected(ParameterType(context, name), value)}, got {Quote(value)}");
        }

        if (NotProvided().Match(exception.Message) is { Success: true } missing)
        {
            if (missing.Groups["source"].Value is "body" or "")
            {
                var body = await ReadBodyAgainAsync(context.Request);
                var what = body is null || body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') ? "the body is empty" : "the body is null";
                return (StatusCodes.Status400BadRequest, "body", $"{what}; send a JSON object");
            }

            var name = missing.Groups["name"].Value;
            return (StatusCodes.Status400BadRequest, name, $"{name}: required");
        }

        // Anything else the framework refuses (a body that is not JSON at all: 415; one too large: 413) keeps its status.
        return (exception.StatusCode, "body", exception.Message);
    }

    /// <summary>The field and message for a JSON body System.Text.Json refused.</summary>
    internal static (string Field, string Message) DescribeBody(JsonException exception, byte[]? body, Type? bodyType, JsonSerializerOptions options)
    {
        if (body is not null && SyntaxError(body) is { } syntax)
        {
            return ("body", $"the body is not valid JSON: {syntax}");
        }

        var path = Segments(exception.Path ?? "$");
        if (UnmappedMember().Match(exception.Message) is { Success: true } unmapped)
        {
            // The path may or may not end with the unknown property's name; the message always holds it.
            var name = unmapped.Groups["name"].Value;
            if (path.Count == 0 || !Equals(path[^1], name))
            {
                path = [.. path, name];
            }

            var field = Field(path);
            var known = bodyType is null ? null : TypeInfoAt(options, bodyType, path[..^1]);
            var expected = known is { Kind: JsonTypeInfoKind.Object } ? $"; expected one of {string.Join(", ", known.Properties.Select(p => p.Name))}" : "";
            return (field, $"{field}: unknown field{expected}");
        }

        var at = bodyType is null ? null : TypeInfoAt(options, bodyType, path);
        if (at is { Kind: JsonTypeInfoKind.Object } && body is not null && ValueAt(body, path) is { ValueKind: JsonValueKind.Object } obj)
        {
            // An object whose required member is missing ({"position": 2} without "set").
            var missing = at.Properties.Where(p => p.IsRequired && !obj.TryGetProperty(p.Name, out _)).Select(p => p.Name).ToArray();
            if (missing.Length > 0)
            {
                var field = Field([.. path, missing[0]]);
                return (field, $"{field}: required");
            }
        }

        var value = body is null ? null : ValueAt(body, path);
        var name2 = path.Count == 0 ? "body" : Field(path);
        var got = value is { } v ? $", got {Describe(v)}" : "";
        return (name2, $"{(path.Count == 0 ? "the body" : name2)}: expected {Expected(at?.Type, value is { ValueKind: JsonValueKind.String or JsonValueKind.Number } s ? s.ToString() : null)}{got}");
    }

    /// <summary>Where the JSON breaks, in words; null when it is well-formed.</summary>
    internal static string? SyntaxError(byte[] body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            var plain = LineAndPosition().Replace(e.Message, "").TrimEnd(' ', '.');
            return string.Create(CultureInfo.InvariantCulture, $"{plain} (line {(e.LineNumber ?? 0) + 1}, character {(e.BytePositionInLine ?? 0) + 1})");
        }

        // Read as a part of something longer, it stops without error where the text stops: complete, or cut short.
        var rest = body.AsSpan((int)reader.BytesConsumed);
        var complete = reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.None && rest.Trim(" \t\r\n"u8).IsEmpty;
        if (complete || reader.TokenType == JsonTokenType.None && rest.Trim(" \t\r\n"u8).IsEmpty)
        {
            // A lone number or literal at the end is complete only as a final block.
            var final = new Utf8JsonReader(body, isFinalBlock: true, state: default);
            try
            {
                while (final.Read())
                {
                }

                return null;
            }
            catch (JsonException)
            {
                return "it ends before the JSON is complete";
            }
        }

        return reader.CurrentDepth > 0 || !rest.IsEmpty
            ? "it ends before the JSON is complete (an object, list or text is not closed)"
            : null;
    }

    private static async Task<byte[]?> ReadBodyAgainAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            return null;
        }

        request.Body.Position = 0;
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            if (copy.Length + read > MaxBodyToQuote)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>The type of the endpoint's JSON body parameter.</summary>
    private static Type? BodyType(HttpContext context) =>
        Endpoint(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>The type of the handler's parameter <paramref name="name"/> (a query or route value).</summary>
    private static Type? ParameterType(HttpContext context, string name) =>
        Endpoint(context)?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.ParameterType;

    /// <summary>The endpoint that refused the request: the exception handler clears it from the context, and keeps it in its feature.</summary>
    private static Endpoint? Endpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    /// <summary><c>$.sets[0].reps</c> as its steps: "sets", 0, "reps" (an index is an int, a name a string).</summary>
    private static List<object> Segments(string path)
    {
        var steps = new List<object>();
        foreach (Match step in PathStep().Matches(path))
        {
            if (step.Groups["index"].Success)
            {
                steps.Add(int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture));
            }
            else
            {
                steps.Add(step.Groups["quoted"].Success ? step.Groups["quoted"].Value : step.Groups["name"].Value);
            }
        }

        return steps;
    }

    /// <summary>The steps as the client wrote them: <c>sets[0].reps</c>.</summary>
    private static string Field(IEnumerable<object> path)
    {
        var text = new StringBuilder();
        foreach (var step in path)
        {
            if (step is int index)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else
            {
                text.Append(text.Length == 0 ? "" : ".").Append((string)step);
            }
        }

        return text.Length == 0 ? "body" : text.ToString();
    }

    private static JsonTypeInfo? TypeInfoAt(JsonSerializerOptions options, Type root, IEnumerable<object> path)
    {
        var type = root;
        foreach (var step in path)
        {
            var info = options.GetTypeInfo(type);
            Type? next = step switch
            {
                int when info.Kind is JsonTypeInfoKind.Enumerable => info.ElementType,
                string name when info.Kind is JsonTypeInfoKind.Object => info.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType,
                string when info.Kind is JsonTypeInfoKind.Dictionary => info.ElementType,
                _ => null,
            };
            if (next is null)
            {
                return null;
            }

            type = Nullable.GetUnderlyingType(next) ?? next;
        }

        return options.GetTypeInfo(type);
    }

    private static JsonElement? ValueAt(byte[] body, IEnumerable<object> path)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var step in path)
            {
                if (step is int index && element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else if (step is string name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property))
                {
                    element = property;
                }
                else
                {
                    return null;
                }
            }

            return element.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => Shorten(value.GetRawText()),
        _ => "nothing",
    };

    private static string Quote(string value) => Shorten(JsonSerializer.Serialize(value, RunStrong.Features.Common.RunStrongJson.Options));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>What a value of <paramref name="type"/> looks like, in words; <paramref name="text"/> is the value given, when any.</summary>
    private static string Expected(Type? type, string? text)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is null)
        {
            return "a different kind of value";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            var range = type == typeof(int) ? " from -2147483648 to 2147483647" : type == typeof(long) ? "" : type == typeof(short) ? " from -32768 to 32767" : " from 0 to 255";
            return text is not null && WholeNumber().IsMatch(text) ? $"a whole number{range}" : "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(string))
        {
            return "text in quotes";
        }

        if (type == typeof(DateOnly))
        {
            return text is not null && DateShape().IsMatch(text) ? "a date YYYY-MM-DD that is on the calendar" : "a date YYYY-MM-DD";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "a date and time (2026-11-17T07:30:00Z)";
        }

        if (type == typeof(TimeSpan))
        {
            return "a duration hh:mm:ss";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName));
        }

        if (type == typeof(JsonElement))
        {
            return "a JSON value";
        }

        return type.IsArray || (type != typeof(string) && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            ? "a list"
            : "an object";
    }

    // The messages of Microsoft.AspNetCore.Http.RequestDelegateFactory (Failed to bind parameter "DateOnly? before" from "x").
    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    // Required parameter "DateBody body" was not provided from body; Implicit body inferred for parameter "request" but no body was provided.
    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>[a-z ]+)\.$|^Implicit body inferred for parameter "(?<name>[^"]+)" but no body was provided""", RegexOptions.Singleline)]
    private static partial Regex NotProvided();

    // System.Text.Json: The JSON property 'restingHr' could not be mapped to any .NET member contained in type '...'.
    [GeneratedRegex("""^The JSON property '(?<name>.*?)' could not be mapped""", RegexOptions.Singleline)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(""" ?(Path: \S*)? ?\| ?LineNumber: \d+ \| BytePositionInLine: \d+\.?|LineNumber: \d+ \| BytePositionInLine: \d+\.?""")]
    private static partial Regex LineAndPosition();

    [GeneratedRegex("""\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]""")]
    private static partial Regex PathStep();

    [GeneratedRegex("""^-?\d+$""")]
    private static partial Regex WholeNumber();

    [GeneratedRegex("""^\d{4}-\d{2}-\d{2}$""")]
    private static partial Regex DateShape();
}
