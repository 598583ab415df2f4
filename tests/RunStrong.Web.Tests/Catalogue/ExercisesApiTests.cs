using System.Net;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Catalogue;

/// <summary>The catalogue API through the real HTTP server, on SQLite and on PostgreSQL.</summary>
public class ExercisesApiTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task List_NoFilter_ReturnsTheBuiltInCatalogueInKebabCase(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        var exercises = await server.GetJsonAsync<JsonElement[]>("/api/exercises");

        Assert.True(exercises.Length >= 28, $"expected about 30 built-in exercises, got {exercises.Length}");
        var slugs = exercises.Select(e => e.GetProperty("slug").GetString()).ToArray();
        Assert.Subset(slugs.ToHashSet(), new HashSet<string?> { "hip-thrust", "squat", "fire-hydrant", "glute-bridge", "bulgarian-split-squat" });
        var hipThrust = exercises.Single(e => e.GetProperty("slug").GetString() == "hip-thrust");
        Assert.Contains("gluteus-maximus", Strings(hipThrust, "primaryMuscles"));
        Assert.Contains("hip-extension", Strings(hipThrust, "jointActions"));
        foreach (var field in new[] { "name", "secondaryMuscles", "equipment", "locations", "level", "progression" })
        {
            Assert.True(hipThrust.TryGetProperty(field, out _), $"hip-thrust JSON lacks '{field}'");
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task List_ByMuscle_KeepsOnlyExercisesLoadingIt(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        var medius = await server.GetJsonAsync<JsonElement[]>("/api/exercises?muscle=gluteus-medius");

        var slugs = medius.Select(e => e.GetProperty("slug").GetString()).ToArray();
        Assert.Contains("fire-hydrant", slugs);
        Assert.Contains("clamshell", slugs);
        Assert.DoesNotContain("calf-raise", slugs);
        Assert.All(medius, e => Assert.Contains("gluteus-medius", Strings(e, "primaryMuscles").Concat(Strings(e, "secondaryMuscles"))));
    }

    [Fact]
    public async Task List_ByEquipmentAndLocation_CombinesTheFilters()
    {
        await using var server = await RunningServer.StartAsync();

        var all = await server.GetJsonAsync<JsonElement[]>("/api/exercises");
        var homeNoKit = await server.GetJsonAsync<JsonElement[]>("/api/exercises?equipment=none&location=home");
        var barbell = await server.GetJsonAsync<JsonElement[]>("/api/exercises?equipment=barbell");

        Assert.NotEmpty(homeNoKit);
        Assert.True(homeNoKit.Length < all.Length);
        Assert.All(homeNoKit, e => Assert.Contains("home", Strings(e, "locations")));
        Assert.All(homeNoKit, e => Assert.Equal(["none"], Strings(e.GetProperty("variants")[0], "equipment")));
        Assert.Contains(barbell, e => e.GetProperty("slug").GetString() == "hip-thrust");
        Assert.DoesNotContain(barbell, e => e.GetProperty("slug").GetString() == "clamshell");
    }

    [Fact]
    public async Task List_UnknownMuscle_IsAProblemNamingTheFieldAndValue()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/exercises?muscle=biceps", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = problem.GetProperty("errors").GetProperty("muscle")[0].GetString()!;
        Assert.Contains("'biceps'", message, StringComparison.Ordinal);
        Assert.Contains("gluteus-maximus", message, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Get_HipThrust_GivesTheLadderInOrder(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        var hipThrust = await server.GetJsonAsync<JsonElement>("/api/exercises/hip-thrust");

        var loads = hipThrust.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("load").GetString() ?? "").ToArray();
        Assert.Equal(["bodyweight", "band", "external", "external-plus-band"], loads);
        Assert.Contains("loop-band", Strings(hipThrust.GetProperty("variants")[1], "equipment"));
        Assert.Contains("barbell", Strings(hipThrust.GetProperty("variants")[2], "equipment"));
        Assert.NotEmpty(Strings(hipThrust, "cues"));
    }

    [Fact]
    public async Task Get_UnknownSlug_Is404ProblemDetails()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/exercises/moon-walk", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("moon-walk", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheCatalogueEndpoints()
    {
        await using var server = await RunningServer.StartAsync();

        var document = await server.GetJsonAsync<JsonElement>("/openapi/v1.json");

        var list = document.GetProperty("paths").GetProperty("/api/exercises").GetProperty("get");
        Assert.Equal("ListExercises", list.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(list.GetProperty("summary").GetString()));
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Subset(parameters.ToHashSet(), new HashSet<string?> { "muscle", "equipment", "location" });
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/exercises/{slug}", out _));
    }

    private static string[] Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(x => x.GetString()!).ToArray();
}
