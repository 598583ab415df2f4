using System.Net;
using System.Text;
using System.Text.Json;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Hosting;

/// <summary>
/// Requests the API cannot bind (a body that is not JSON, a value of the wrong type, a field the API does not know, a
/// query value that does not parse) are a 400 ProblemDetails naming the field as the client wrote it, in every environment.
/// </summary>
public class ApiBadRequestTests
{
    private static async Task<(HttpStatusCode Status, string? MediaType, JsonElement Problem)> SendAsync(HttpClient client, string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void AssertNames(JsonElement problem, string field, string message)
    {
        var messages = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var named) ? named : default;
        Assert.True(messages.ValueKind == JsonValueKind.Array, $"errors name {field}: {problem}");
        Assert.Equal(message, messages[0].GetString());
        Assert.Equal(message, problem.GetProperty("detail").GetString());
    }

    [Theory]
    // Not JSON, or no JSON object.
    [InlineData("POST", "/api/log/strength", """{"sets":[{"exercise":"hip-thrust" """, "body", "the body is not valid JSON: it ends before the JSON is complete (an object, list or text is not closed)")]
    [InlineData("PUT", "/api/settings", "{bad json", "body", "the body is not valid JSON: 'b' is an invalid start of a property name. Expected a '\"' (line 1, character 2)")]
    [InlineData("POST", "/api/log/strength", "", "body", "the body is empty; send a JSON object")]
    [InlineData("POST", "/api/log/strength", "null", "body", "the body is null; send a JSON object")]
    [InlineData("POST", "/api/log/strength", "[]", "body", "the body: expected an object, got a list")]
    // A value of the wrong type, named by its path in the body.
    [InlineData("POST", "/api/log/strength", """{"sets":[{"exercise":"hip-thrust","reps":"twelve"}]}""", "sets[0].reps", "sets[0].reps: expected a whole number, got \"twelve\"")]
    [InlineData("POST", "/api/log/strength", """{"sets":[{"exercise":"hip-thrust","reps":12.5}]}""", "sets[0].reps", "sets[0].reps: expected a whole number, got 12.5")]
    [InlineData("POST", "/api/log/strength", """{"sets":[{"exercise":"hip-thrust","reps":2147483648}]}""", "sets[0].reps", "sets[0].reps: expected a whole number from -2147483648 to 2147483647, got 2147483648")]
    [InlineData("POST", "/api/log/strength", """{"sets":[{"exercise":"hip-thrust","completed":"yes"}]}""", "sets[0].completed", "sets[0].completed: expected true or false, got \"yes\"")]
    [InlineData("POST", "/api/log/strength", """{"sets":"abc"}""", "sets", "sets: expected a list, got \"abc\"")]
    [InlineData("POST", "/api/log/strength", """{"date":"2026-02-30","sets":[]}""", "date", "date: expected a date YYYY-MM-DD that is on the calendar, got \"2026-02-30\"")]
    [InlineData("PUT", "/api/log/sets", """{"position":2}""", "set", "set: required")]
    [InlineData("PUT", "/api/log/sets", """{"set":{"exercise":"hip-thrust","load":60}}""", "set.load", "set.load: expected text in quotes, got 60")]
    [InlineData("PATCH", "/api/log/sets/1", """{"reps":"x"}""", "reps", "reps: expected a whole number, got \"x\"")]
    [InlineData("POST", "/api/log/runs", """{"distance":10000,"time":"50:00"}""", "distance", "distance: expected text in quotes, got 10000")]
    [InlineData("POST", "/api/log/runs", """{"date":"2026-13-01","distance":"10k","time":"50:00"}""", "date", "date: expected a date YYYY-MM-DD that is on the calendar, got \"2026-13-01\"")]
    [InlineData("PUT", "/api/activities/1/date", """{"date":"2026-02-30"}""", "date", "date: expected a date YYYY-MM-DD that is on the calendar, got \"2026-02-30\"")]
    [InlineData("POST", "/api/log/soreness", """{"area":"calves","score":"four"}""", "score", "score: expected a whole number, got \"four\"")]
    [InlineData("PUT", "/api/settings", """{"maxHeartRate":"abc"}""", "maxHeartRate", "maxHeartRate: expected a whole number, got \"abc\"")]
    [InlineData("POST", "/api/plans/preview", """{"weeks":"ten"}""", "weeks", "weeks: expected a whole number, got \"ten\"")]
    // A field the API does not know.
    [InlineData("PUT", "/api/settings", """{"restingHr":-5}""", "restingHr", "restingHr: unknown field; expected one of restingHeartRate, maxHeartRate, trimpWeighting, distanceUnit, weightUnit, timeZone")]
    [InlineData("PUT", "/api/log/sets", """{"set":{"exercise":"hip-thrust","reps":12,"weight":"60kg"}}""", "set.weight", "set.weight: unknown field; expected one of exercise, variant, reps, load, band, seconds, rpe, repsInReserve, pain, completed")]
    // A query value that does not parse.
    [InlineData("GET", "/api/log?before=notadate", null, "before", "before: expected a date YYYY-MM-DD, got \"notadate\"")]
    [InlineData("GET", "/api/predictions?from=5k=20:00&riegelExponent=abc", null, "riegelExponent", "riegelExponent: expected a number, got \"abc\"")]
    public async Task BadRequest_IsProblemDetailsNamingTheField(string method, string path, string? body, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();

        var (status, mediaType, problem) = await SendAsync(server.Client, method, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        AssertNames(problem, field, message);
        Assert.Equal("(nothing)", server.Log.Problems());
    }

    [Theory]
    [InlineData("/api/log?before=0001-01-01")]
    [InlineData("/api/log?before=9999-12-31")]
    [InlineData("/api/log/strength?after=9999-12-31")]
    [InlineData("/api/log/runs?after=9999-12-31")]
    [InlineData("/api/log/soreness?after=0001-01-01")]
    public async Task APageAtTheCalendarsEdge_IsEmpty_NotA500(string path)
    {
        // Paging past the calendar's first or last day once threw (the day before 0001-01-01 does not exist).
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var items = body.ValueKind == JsonValueKind.Array ? body : body.TryGetProperty("days", out var days) ? days : body.GetProperty("items");
        Assert.Equal(0, items.GetArrayLength());
        Assert.Equal("(nothing)", server.Log.Problems());
    }

    [Fact]
    public async Task BadJson_InDevelopment_IsA400Too_NotA500()
    {
        // Minimal APIs throw on a bad request in Development; the exception handler names the field there as well.
        await using var server = await RunningServer.StartWithAsync("sqlite", "--environment", "Development");

        var (status, mediaType, problem) = await SendAsync(server.Client, "POST", "/api/log/strength", """{"sets":[{"exercise":"hip-thrust","reps":"twelve"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        AssertNames(problem, "sets[0].reps", "sets[0].reps: expected a whole number, got \"twelve\"");
    }
}
