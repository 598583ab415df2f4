using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

public class RunnerProfileJsonTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private const string IssueExample = """
        {"experience": "none", "equipment": ["none", "loop-band"], "locations": ["home"],
         "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"},
         "race": {"distance": "10k", "date": "2027-04-18"}, "start": "2026-12-07"}
        """;

    private static List<string> Errors(string json) =>
        RunnerProfileJson.Parse(json, Today).Errors.Select(e => e.ToString()).ToList();

    private static string WithWeek(string extra) =>
        "{\"week\": {\"tue\": \"quality\", \"sun\": \"long\"}" + (extra.Length > 0 ? ", " + extra : "") + "}";

    [Fact]
    public void Parse_IssueExample_ReadsEveryField()
    {
        var result = RunnerProfileJson.Parse(IssueExample, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var profile = result.Profile!;
        Assert.Equal(StrengthExperience.None, profile.Experience);
        Assert.Equal([Equipment.None, Equipment.LoopBand], profile.Equipment);
        Assert.Equal([Location.Home], profile.Locations);
        Assert.Equal(PlannedRunType.Rest, profile.Week[DayOfWeek.Monday]);
        Assert.Equal(PlannedRunType.Quality, profile.Week[DayOfWeek.Tuesday]);
        Assert.Equal(PlannedRunType.Long, profile.Week[DayOfWeek.Sunday]);
        Assert.Equal(10_000, profile.Race!.DistanceMetres);
        Assert.Equal(new DateOnly(2027, 4, 18), profile.Race.Date);
        Assert.Equal(new DateOnly(2026, 12, 7), profile.Start);
        // Hill sprints no longer depend on places: every runner has hills near their runs unless they say otherwise.
        Assert.Equal(HillAccess.Yes, profile.Hills);
        Assert.Null(profile.Lifts);
        Assert.Empty(profile.AssumedAtGym);
        Assert.False(profile.Has(Equipment.Bench));
    }

    [Fact]
    public void Parse_OnlyWeek_GivesDefaults()
    {
        var profile = RunnerProfileJson.Parse(WithWeek(""), Today).Profile!;

        Assert.Equal(StrengthExperience.None, profile.Experience);
        Assert.Equal([Equipment.None], profile.Equipment);
        Assert.Equal([Location.Home], profile.Locations);
        Assert.Null(profile.Race);
        Assert.Equal(12, profile.Weeks);
        Assert.Null(profile.Start);
        Assert.Equal(PlannedRunType.Rest, profile.Week[DayOfWeek.Monday]);
        Assert.Equal(DistanceUnit.Km, profile.DistanceUnit);
        Assert.Equal(WeightUnit.Kg, profile.WeightUnit);
    }

    [Fact]
    public void Parse_OptionalFields_AreRead()
    {
        var json = WithWeek("""
            "experience": "regular", "strengthDays": ["thu", "Monday"], "weeks": 8, "soreness": ["calves"],
            "results": [{"distance": "5k", "time": "24:30", "date": "2026-10-01"}, {"distance": "half", "time": "1:52:10"}],
            "units": {"distance": "mi", "weight": "lb"}, "locations": ["gym", "outdoors"], "name": "Sam"
            """);

        var result = RunnerProfileJson.Parse(json, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var profile = result.Profile!;
        Assert.Equal(StrengthExperience.Regular, profile.Experience);
        Assert.Equal([DayOfWeek.Thursday, DayOfWeek.Monday], profile.StrengthDays);
        Assert.Equal(8, profile.Weeks);
        Assert.Equal([Muscle.Calves], profile.Soreness);
        Assert.Equal(2, profile.RecentResults.Count);
        Assert.Equal(TimeSpan.FromSeconds((24 * 60) + 30), profile.RecentResults[0].Time);
        Assert.Equal(21_097.5, profile.RecentResults[1].DistanceMetres);
        Assert.Equal(new TimeSpan(1, 52, 10), profile.RecentResults[1].Time);
        Assert.Equal(DistanceUnit.Mi, profile.DistanceUnit);
        Assert.Equal(WeightUnit.Lb, profile.WeightUnit);
        Assert.Equal(HillAccess.Yes, profile.Hills);
    }

    [Fact]
    public void Parse_Gym_ImpliesBarbellBenchDumbbellsAndCable_UnlessUnticked()
    {
        var gym = RunnerProfileJson.Parse(WithWeek("\"locations\": [\"home\", \"gym\"], \"equipment\": [\"loop-band\"]"), Today).Profile!;
        var lacking = RunnerProfileJson.Parse(WithWeek("\"locations\": [\"gym\"], \"gymLacks\": [\"cable\", \"bench\"]"), Today).Profile!;

        Assert.Equal([Equipment.LoopBand], gym.Equipment);
        Assert.Equal([Equipment.Barbell, Equipment.Bench, Equipment.Dumbbell, Equipment.Cable], gym.AssumedAtGym);
        Assert.Equal([Equipment.None, Equipment.LoopBand, Equipment.Barbell, Equipment.Bench, Equipment.Dumbbell, Equipment.Cable], gym.AvailableEquipment);
        Assert.True(gym.Has(Equipment.Barbell));
        Assert.Equal([Equipment.Barbell, Equipment.Dumbbell], lacking.AssumedAtGym);
        Assert.False(lacking.Has(Equipment.Bench));
        Assert.False(lacking.Has(Equipment.Cable));
    }

    [Fact]
    public void Parse_HillsAndLifts_AreRead_ABareLoadInTheProfilesUnit()
    {
        var json = WithWeek("""
            "hills": "treadmill", "units": {"weight": "lb"},
            "lifts": [{"exercise": "hip-thrust", "variant": "barbell", "reps": 8, "load": "40kg"}, {"exercise": "squat", "reps": 5, "load": 135}]
            """);

        var profile = RunnerProfileJson.Parse(json, Today).Profile!;

        Assert.Equal(HillAccess.Treadmill, profile.Hills);
        Assert.Equal(2, profile.Lifts!.Count);
        Assert.Equal(("hip-thrust", "barbell", 8, 40.0), (profile.Lifts[0].Exercise, profile.Lifts[0].Variant, profile.Lifts[0].Reps, profile.Lifts[0].Load.Kilograms));
        Assert.Equal(("squat", (string?)null, 5), (profile.Lifts[1].Exercise, profile.Lifts[1].Variant, profile.Lifts[1].Reps));
        Assert.Equal(135, profile.Lifts[1].Load.Pounds, 6);
    }

    [Fact]
    public void Parse_EmptyLifts_MeansNeverLifted()
    {
        var profile = RunnerProfileJson.Parse(WithWeek("\"lifts\": []"), Today).Profile!;

        Assert.NotNull(profile.Lifts);
        Assert.Empty(profile.Lifts);
    }

    [Theory]
    [InlineData("\"hills\": \"mountain\"", "hills: unknown hill access 'mountain'; expected one of yes, treadmill, none")]
    [InlineData("\"gymLacks\": [\"rowing-machine\"]", "gymLacks[0]: unknown equipment 'rowing-machine'; expected one of none, loop-band, bench, hip-thrust-machine, barbell, dumbbell, kettlebell, step-box, hill, cable, machine")]
    [InlineData("\"lifts\": [{\"exercise\": \"hip-trust\", \"reps\": 8, \"load\": \"40kg\"}]", "lifts[0].exercise: 'hip-trust' is not an exercise with a loaded version; expected one of hip-thrust, glute-bridge")]
    [InlineData("\"lifts\": [{\"exercise\": \"hip-thrust\", \"variant\": \"bodyweight\", \"reps\": 8, \"load\": \"40kg\"}]", "lifts[0].variant: \"bodyweight\" is not a loaded version of hip-thrust; expected one of barbell, barbell-plus-band")]
    [InlineData("\"lifts\": [{\"exercise\": \"squat\", \"reps\": 0, \"load\": \"40kg\"}]", "lifts[0].reps: 0: expected a whole number of reps from 1 to 20")]
    [InlineData("\"lifts\": [{\"exercise\": \"squat\", \"reps\": 5, \"load\": \"heavy\"}]", "lifts[0].load: \"heavy\" is not a load; expected a number and a unit, such as \"40kg\" or \"90 lb\"")]
    [InlineData("\"lifts\": [{\"exercise\": \"squat\", \"reps\": 5, \"load\": \"900kg\"}]", "lifts[0].load: 900 kg is out of range; expected more than 0 and up to 400 kg")]
    public void Parse_BadHillsOrLifts_NamesTheField(string extra, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Errors(WithWeek(extra))), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"5k\"", 5_000)]
    [InlineData("\"10k\"", 10_000)]
    [InlineData("\"half\"", 21_097.5)]
    [InlineData("\"half-marathon\"", 21_097.5)]
    [InlineData("\"marathon\"", 42_195)]
    [InlineData("\"15k\"", 15_000)]
    [InlineData("\"10 km\"", 10_000)]
    [InlineData("15000", 15_000)]
    public void Parse_RaceDistance_InMetres(string distance, double metres)
    {
        var profile = RunnerProfileJson.Parse(WithWeek($"\"race\": {{\"distance\": {distance}, \"date\": \"2027-04-18\"}}"), Today).Profile!;

        Assert.Equal(metres, profile.Race!.DistanceMetres, 3);
    }

    [Fact]
    public void Parse_RaceBeforeStart_NamesTheField()
    {
        var json = WithWeek("\"race\": {\"distance\": \"10k\", \"date\": \"2026-01-01\"}, \"start\": \"2026-12-07\"");

        Assert.Equal(["race.date: 2026-01-01 is before the plan's start 2026-12-07"], Errors(json));
    }

    [Fact]
    public void Parse_RaceInThePast_NamesTheField()
    {
        var json = WithWeek("\"race\": {\"distance\": \"10k\", \"date\": \"2026-10-01\"}, \"start\": \"2026-09-01\"");

        Assert.Equal(["race.date: 2026-10-01 is in the past (today is 2026-11-20)"], Errors(json));
    }

    [Fact]
    public void Parse_RaceWithoutStart_IsCheckedAgainstToday()
    {
        var json = WithWeek("\"race\": {\"distance\": \"10k\", \"date\": \"2026-11-01\"}");

        Assert.Equal(["race.date: 2026-11-01 is before the plan's start 2026-11-20"], Errors(json));
    }

    [Fact]
    public void Parse_RaceMoreThanAYearAway_IsRefused()
    {
        var json = WithWeek("\"race\": {\"distance\": \"marathon\", \"date\": \"2028-06-01\"}, \"start\": \"2026-12-07\"");

        var error = Assert.Single(Errors(json));
        Assert.StartsWith("race.date: 2028-06-01 is more than 52 weeks after the plan's start 2026-12-07", error);
    }

    [Fact]
    public void Parse_WeekWithNoRunning_IsAnError()
    {
        var json = """{"week": {"mon": "rest", "tue": "rest"}}""";

        Assert.Equal(["week: no running day; at least one day must be easy, quality, long or race"], Errors(json));
    }

    [Fact]
    public void Parse_MissingWeek_IsAnError()
    {
        var error = Assert.Single(Errors("""{"experience": "some"}"""));

        Assert.StartsWith("week: required", error);
    }

    [Fact]
    public void Parse_UnknownEquipment_NamesIndexAndListsTheChoices()
    {
        var json = WithWeek("\"equipment\": [\"none\", \"kettle\"]");

        Assert.Equal(
            ["equipment[1]: unknown equipment 'kettle'; expected one of none, loop-band, bench, hip-thrust-machine, barbell, dumbbell, kettlebell, step-box, hill, cable, machine"],
            Errors(json));
    }

    [Fact]
    public void Parse_UnknownWeekday_NamesTheKey()
    {
        var json = """{"week": {"mon2": "easy", "sun": "long"}}""";

        Assert.Equal(["week.mon2: unknown weekday"], Errors(json));
    }

    [Fact]
    public void Parse_UnknownRunType_ListsTheChoices()
    {
        var json = """{"week": {"tue": "tempo", "sun": "long"}}""";

        Assert.Equal(["week.tue: unknown run type 'tempo'; expected one of rest, easy, quality, long, race"], Errors(json));
    }

    [Theory]
    [InlineData("\"start\": \"07/12/2026\"", "start: \"07/12/2026\" is not a date; expected YYYY-MM-DD")]
    [InlineData("\"start\": \"2026-02-30\"", "start: \"2026-02-30\" is not a date; expected YYYY-MM-DD")]
    [InlineData("\"race\": {\"distance\": \"10k\", \"date\": \"April 18\"}", "race.date: \"April 18\" is not a date; expected YYYY-MM-DD")]
    public void Parse_BadDate_NamesTheField(string extra, string expected) => Assert.Equal([expected], Errors(WithWeek(extra)));

    [Theory]
    [InlineData("\"experience\": \"expert\"", "experience: unknown experience 'expert'; expected one of none, some, regular")]
    [InlineData("\"locations\": [\"park\"]", "locations[0]: unknown location 'park'; expected one of home, gym, outdoors")]
    [InlineData("\"strengthDays\": [\"tue\", \"someday\"]", "strengthDays[1]: unknown weekday \"someday\"; expected mon, tue, wed, thu, fri, sat or sun")]
    [InlineData("\"race\": {\"distance\": \"ultra\", \"date\": \"2027-04-18\"}", "race.distance: unknown distance \"ultra\"; expected 5k, 10k, half, marathon, or metres (15000)")]
    [InlineData("\"weeks\": 0", "weeks: 0 is out of range; expected 1 to 52")]
    [InlineData("\"weeks\": \"twelve\"", "weeks: \"twelve\" is not a whole number")]
    [InlineData("\"equipement\": [\"none\"]", "equipement: unknown field; expected one of name, experience, equipment, locations, gymLacks, hills, lifts, week, strengthDays, race, weeks, start, results, soreness, units")]
    [InlineData("\"units\": {\"distance\": \"furlong\"}", "units.distance: unknown unit 'furlong'; expected one of km, mi")]
    [InlineData("\"soreness\": [\"knee-cap\"]", "soreness[0]: unknown muscle 'knee-cap'; expected one of gluteus-maximus, gluteus-medius, gluteus-minimus, hamstrings, quadriceps, calves, adductors, core, hip-flexors, lower-back, shins, feet")]
    public void Parse_BadValue_NamesTheField(string extra, string expected) => Assert.Equal([expected], Errors(WithWeek(extra)));

    [Fact]
    public void Parse_SeveralMistakes_ReportsThemAll()
    {
        var json = """{"week": {"mon2": "easy", "tue": "tempo"}, "equipment": ["kettle"], "start": "soon"}""";

        var errors = Errors(json);

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("week.mon2:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("week.tue:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("equipment[0]:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("start:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"week\": ")]
    [InlineData("[1, 2]")]
    public void Parse_NotAnObject_IsAnErrorNotAnException(string json)
    {
        var result = RunnerProfileJson.Parse(json, Today);

        Assert.False(result.IsValid);
        Assert.Equal("$", Assert.Single(result.Errors).Field);
    }
}
