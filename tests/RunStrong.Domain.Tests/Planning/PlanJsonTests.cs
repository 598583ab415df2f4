using System.Text.Json;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

public class PlanJsonTests
{
    private static Plan OutdoorPlan() =>
        PlanGenerator.Generate(TestCatalogue.IssueProfile with { Locations = [Location.Home, Location.Outdoors] }, TestCatalogue.Exercises, TestCatalogue.IssueStart);

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Serialize_HasExactlyTheDocumentedShape()
    {
        using var document = JsonDocument.Parse(PlanJson.Serialize(OutdoorPlan()));
        var root = document.RootElement;

        Assert.Equal(["weeks", "warnings"], Names(root));
        var week = root.GetProperty("weeks")[0];
        Assert.Equal(["index", "phase", "days"], Names(week));
        Assert.Equal(1, week.GetProperty("index").GetInt32());
        Assert.Equal("base", week.GetProperty("phase").GetString());

        var monday = week.GetProperty("days")[0];
        Assert.Equal(["date", "run", "sessions"], Names(monday));
        Assert.Equal("2026-12-07", monday.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, monday.GetProperty("run").ValueKind);

        var tuesday = week.GetProperty("days")[1];
        Assert.Equal(["type", "target"], Names(tuesday.GetProperty("run")));
        Assert.Equal("quality", tuesday.GetProperty("run").GetProperty("type").GetString());
        var target = tuesday.GetProperty("run").GetProperty("target");
        Assert.Equal(["minutesMin", "minutesMax", "effort", "workout", "pace", "paceFastSecondsPerKm", "paceSlowSecondsPerKm", "finishTime"], Names(target));
        Assert.Equal(45, target.GetProperty("minutesMin").GetInt32());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("pace").ValueKind);
        var sessions = tuesday.GetProperty("sessions");
        Assert.Equal(["kind", "reason", "exercises"], Names(sessions[0]));
        Assert.Equal("drills", sessions[0].GetProperty("kind").GetString());
        Assert.Equal("strength", sessions[1].GetProperty("kind").GetString());
        var exercise = sessions[1].GetProperty("exercises")[0];
        Assert.Equal(["slug", "variant", "sets", "repsMin", "repsMax", "seconds", "rpe", "restSeconds", "load", "loadNote", "fromLog"], Names(exercise));
        Assert.Equal(JsonValueKind.Null, exercise.GetProperty("seconds").ValueKind);
        // A bodyweight rung: no load and nothing to say about one.
        Assert.Equal(JsonValueKind.Null, exercise.GetProperty("load").ValueKind);
        Assert.Equal(JsonValueKind.Null, exercise.GetProperty("loadNote").ValueKind);

        var hills = root.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .SelectMany(d => d.GetProperty("sessions").EnumerateArray()).First(s => s.GetProperty("kind").GetString() == "hill-sprints");
        Assert.Equal(8, hills.GetProperty("exercises")[0].GetProperty("seconds").GetInt32());

        var last = root.GetProperty("weeks")[18];
        Assert.Equal("taper", last.GetProperty("phase").GetString());
        Assert.Equal("race", last.GetProperty("days")[6].GetProperty("run").GetProperty("type").GetString());
    }

    [Fact]
    public void Deserialize_RoundTripsTheJson()
    {
        var json = PlanJson.Serialize(OutdoorPlan(), indented: true);

        var back = PlanJson.Deserialize(json);

        Assert.Equal(json, PlanJson.Serialize(back, indented: true));
        Assert.Equal(19, back.Weeks.Count);
        Assert.Equal(SessionKind.HillSprints, back.Days.SelectMany(d => d.Sessions).First(s => s.Kind == SessionKind.HillSprints).Kind);
    }

    [Fact]
    public void Deserialize_RefusesNumericEnums()
    {
        const string json = """{"weeks": [{"index": 1, "phase": 0, "days": []}], "warnings": []}""";

        Assert.Throws<JsonException>(() => PlanJson.Deserialize(json));
    }
}
