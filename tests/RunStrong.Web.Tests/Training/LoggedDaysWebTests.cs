using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RunStrong.Data.Entities;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Training;

/// <summary>
/// Days at the calendar's edge through the real HTTP server: a log entry on one is a 400 naming the date, a query or page
/// asking for one is a 400 naming its parameter, and one already stored (by an older RunStrong) never takes the dashboard
/// down.
/// </summary>
public class LoggedDaysWebTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Theory]
    [InlineData("/api/log/soreness", """{"area":"calves","score":4,"date":"9999-12-31"}""", "9999-12-31", "soreness check-in can have been on")]
    [InlineData("/api/log/soreness", """{"area":"calves","score":4,"date":"0001-01-01"}""", "0001-01-01", "soreness check-in can have been on")]
    [InlineData("/api/log/runs", """{"distance":"10k","time":"50:00","date":"9999-12-31"}""", "9999-12-31", "run can have been on")]
    [InlineData("/api/log/runs", """{"distance":"10k","time":"50:00","date":"1800-01-01"}""", "1800-01-01", "run can have been on")]
    [InlineData("/api/log/strength", """{"date":"9999-12-31","sets":[{"exercise":"hip-thrust","variant":"barbell","reps":10,"load":"60kg"}]}""", "9999-12-31", "strength session can be logged on")]
    [InlineData("/api/log/strength", """{"date":"1000-01-01","sets":[{"exercise":"hip-thrust","variant":"barbell","reps":10,"load":"60kg"}]}""", "1000-01-01", "strength session can be logged on")]
    public async Task Log_OnADayAtTheCalendarsEdge_IsA400NamingTheDate_AndTheDashboardStaysUp(string path, string body, string day, string message)
    {
        await using var server = await RunningServer.StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri(path, UriKind.Relative), content);

        var problem = await ProblemAsync(response);
        Assert.StartsWith($"date: {day} is not a day the {message}", problem.GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        await server.GetJsonAsync<JsonElement>("/api/dashboard");
        await RunningServer.PageAsync(server.Client, "/", server);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task EntriesStoredAtTheCalendarsEdges_DashboardHomeAndStrengthStatsAnswer200(string engine)
    {
        // As an older RunStrong stored them: the dashboard and home page answered 500 for good.
        await using var server = await RunningServer.StartAsync(engine);
        await using (var db = server.Database.CreateContext())
        {
            foreach (var day in new[] { DateOnly.MaxValue, DateOnly.MinValue })
            {
                db.SorenessCheckIns.Add(new SorenessRecord { OwnerId = Runner.LocalId, Date = day, Area = "calves", Score = 4, CreatedAt = TestClock.Now.UtcDateTime });
                db.StrengthSessions.Add(new StrengthSessionRecord
                {
                    OwnerId = Runner.LocalId, Date = day, CreatedAt = TestClock.Now.UtcDateTime,
                    Sets = [new LoggedSetRecord { OwnerId = Runner.LocalId, Position = 0, ExerciseSlug = "hip-thrust", VariantSlug = "barbell", Reps = 10, LoadValue = 60, LoadUnit = "kg", Completed = true }],
                });
            }

            await db.SaveChangesAsync();
        }

        var dashboard = await server.GetJsonAsync<JsonElement>("/api/dashboard");
        var home = await RunningServer.PageAsync(server.Client, "/", server);
        var stats = await server.GetJsonAsync<JsonElement>("/api/stats/strength");

        Assert.True(dashboard.GetProperty("hasData").GetBoolean());
        Assert.Contains("<html", home, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(stats.GetProperty("weeklySetsPerMuscle").EnumerateArray(), w => w.GetProperty("weekStart").GetString() == "9999-12-27");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task Dashboard_ToAtTheCalendarsEdge_IsA400NamingTo(string day)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri($"/api/dashboard?to={day}", UriKind.Relative));

        var problem = await ProblemAsync(response);
        Assert.StartsWith($"to: {day} is outside the days RunStrong shows (1990-01-01 to ", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/log?date=9999-12-31", "date: 9999-12-31 is outside the days RunStrong shows")]
    [InlineData("/log?date=0001-01-01", "date: 0001-01-01 is outside the days RunStrong shows")]
    [InlineData("/history?month=0001-01", "month: 0001-01 is outside the months RunStrong shows")]
    [InlineData("/history?month=9999-12", "month: 9999-12 is outside the months RunStrong shows")]
    public async Task Page_AskingForADayAtTheCalendarsEdge_SaysSo_AndShowsToday(string path, string message)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task PlanPreview_StartingAtTheCalendarsEdge_IsA400NamingStart(string day)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.PostAsJsonAsync("/api/plans/preview",
            new { profile = new { week = new { tue = "quality", sun = "long" } }, start = day });

        var problem = await ProblemAsync(response);
        Assert.StartsWith($"start: {day} is not a day a plan can start", problem.GetProperty("errors").GetProperty("start")[0].GetString(), StringComparison.Ordinal);
    }
}
