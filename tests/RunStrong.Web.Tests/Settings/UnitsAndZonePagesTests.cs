using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RunStrong.Web.Tests.Infrastructure;
using static RunStrong.Web.Tests.Activities.ActivitiesApiTests;

namespace RunStrong.Web.Tests.Settings;

/// <summary>
/// Issue 13: a runner who runs in miles, lifts in pounds and lives in Denver sees their own units and their own clock on
/// the activity list and page (the API's splits too), and can correct an activity's type, effort and day from its page.
/// </summary>
public class UnitsAndZonePagesTests
{
    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 900)]
    public async Task MilesAndDenver_OnTheActivityPages_AndCorrectingAnActivity(string name, int width, int height)
    {
        await using var server = await RunningServer.StartAsync();
        using (var put = await server.Client.PutAsJsonAsync("/api/settings", new { distanceUnit = "mi", weightUnit = "lb", timeZone = "America/Denver" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var form = Form(("fit", FenixRun));
        using var upload = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), form);
        var id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("files")[0].GetProperty("activityId").GetInt64();

        // The API answers in the runner's unit unless asked for the other.
        var api = await server.GetJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal("mi", api.GetProperty("unit").GetString());
        Assert.Equal("km", (await server.GetJsonAsync<JsonElement>($"/api/activities/{id}?unit=km")).GetProperty("unit").GetString());

        // What Denver's clock read when the watch started, worked out independently of the product (the system's tz data).
        var startUtc = api.GetProperty("startTime").GetDateTime().ToUniversalTime();
        var denver = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, denver);
        var abbreviation = denver.IsDaylightSavingTime(local) ? "MDT" : "MST";
        var expected = local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + abbreviation;
        Assert.Equal(DateOnly.FromDateTime(local).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), api.GetProperty("date").GetString());

        // The API keeps SI numbers and adds texts in the runner's units and zone.
        Assert.Equal(expected, api.GetProperty("startText").GetString());
        Assert.Equal(("5.60 mi", 9008), (api.GetProperty("distanceText").GetString(), (int)Math.Round(api.GetProperty("distanceMeters").GetDouble())));
        var listed = (await server.GetJsonAsync<JsonElement>("/api/activities")).GetProperty("items")[0];
        Assert.Equal((expected, "5.60 mi"), (listed.GetProperty("startText").GetString(), listed.GetProperty("distanceText").GetString()));
        Assert.EndsWith(" /mi", listed.GetProperty("paceText").GetString(), StringComparison.Ordinal);
        var day = server.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var logged = await server.Client.PostAsJsonAsync("/api/log/strength", new
        {
            date = day,
            sets = new object[] { new { exercise = "bulgarian-split-squat", variant = "dumbbells", reps = 8, load = "25", rpe = 7 } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        }

        using (var run = await server.Client.PostAsJsonAsync("/api/log/runs", new { date = day, distance = "5mi", time = "40:00", type = "easy" }))
        {
            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        }

        var today = (await server.GetJsonAsync<JsonElement>("/api/log")).GetProperty("days")[0];
        var set = today.GetProperty("sessions")[0].GetProperty("sets")[0];
        Assert.Equal(("Bulgarian split squat, dumbbells: 8 x 25 lb, RPE 7", 25.0, "lb"),
            (set.GetProperty("text").GetString(), set.GetProperty("loadValue").GetDouble(), set.GetProperty("loadUnit").GetString()));
        var loggedRun = today.GetProperty("runs")[0];
        Assert.Equal(("5.00 mi in 40:00, 8:00 /mi (easy)", 8047), (loggedRun.GetProperty("text").GetString(), (int)Math.Round(loggedRun.GetProperty("distanceMeters").GetDouble())));

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.OpenAsync(server, width, height);
        await page.GotoAsync(new Uri(server.Address, "/activities").ToString());
        var card = page.GetByTestId("activity-list").Locator("li").Filter(new() { Has = page.Locator($"a[href='/activities/{id}']") });
        Assert.Contains(expected, await card.Locator(".meta").InnerTextAsync(), StringComparison.Ordinal);
        var numbers = await card.Locator(".numbers").InnerTextAsync();
        Assert.Contains("5.60 mi", numbers, StringComparison.Ordinal);
        Assert.Contains(" /mi", numbers, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", await card.InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(new Uri(server.Address, $"/activities/{id}").ToString());
        Assert.Equal("5.60 mi", await page.GetByTestId("distance").InnerTextAsync());
        Assert.Equal("mi", await page.GetByTestId("splits").Locator("thead th").First.InnerTextAsync());
        Assert.StartsWith(expected, await page.GetByTestId("activity-when").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByTestId("unit-km").ClickAsync();
        // Auto-retrying assertions: the page after the click, however long a loaded machine takes to bring it.
        await page.ArrivesAtAsync("**unit=km");
        await Assertions.Expect(page.GetByTestId("distance")).ToHaveTextAsync("9.01 km", new() { Timeout = 60_000 });

        // Correcting it from its page: a typo is refused with its field marked and what was typed kept; then it saves.
        await page.GetByTestId("activity-edit").Locator("summary").ClickAsync();
        await page.GetByTestId("edit-run-type").SelectOptionAsync("long");
        await page.GetByTestId("edit-rpe").FillAsync("11");
        await page.GetByTestId("edit-save").ClickAsync();
        // The field is marked and the message beside the form reads without the API's name for it.
        await Assertions.Expect(page.GetByTestId("edit-error")).ToHaveTextAsync("RPE must be between 1 and 10, got 11");
        await Assertions.Expect(page.GetByTestId("edit-rpe")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await page.GetByTestId("edit-run-type").GetAttributeAsync("aria-invalid"));
        Assert.Equal("11", await page.GetByTestId("edit-rpe").InputValueAsync());
        Assert.Equal("long", await page.GetByTestId("edit-run-type").InputValueAsync());
        Assert.Null((await server.GetJsonAsync<JsonElement>($"/api/activities/{id}")).GetProperty("runType").GetString());
        Assert.All(errors, e => Assert.Contains("400", e, StringComparison.Ordinal));
        errors.Clear();

        await page.GetByTestId("edit-rpe").FillAsync("6");
        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("activity-when")).ToContainTextAsync("long · RPE 6", new() { Timeout = 60_000 });
        await page.ArrivesAtAsync("**/activities/*?unit=km");
        await Browser.ScreenshotAsync(page, $"activity-miles-denver-{name}");
        await Browser.AssertNoSidewaysScrollAsync(page, width);

        // A new plan starts in the runner's units.
        await page.GotoAsync(new Uri(server.Address, "/plans/new").ToString());
        Assert.Equal("mi", await page.Locator("select[name='Form.DistanceUnit']").InputValueAsync());
        Assert.Equal("lb", await page.Locator("select[name='Form.WeightUnit']").InputValueAsync());

        var saved = await server.GetJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal(("long", 6.0), (saved.GetProperty("runType").GetString(), saved.GetProperty("rpe").GetDouble()));
        Assert.Empty(errors);
    }
}
