using System.Globalization;
using System.Text.Json.Nodes;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>One recent race result as typed in the wizard.</summary>
public sealed class ResultRow
{
    public string? Distance { get; set; }

    public string? Time { get; set; }

    public DateOnly? Date { get; set; }
}

/// <summary>
/// The plan wizard's fields. The form is turned into the same profile JSON the CLI and the API take, so one set of
/// checks (RunnerProfileJson, via the plan slices) decides what is valid, and errors come back naming the JSON field.
/// </summary>
public sealed class ProfileForm
{
    public string? Name { get; set; }

    public string Experience { get; set; } = "none";

    public List<string> Equipment { get; set; } = ["none"];

    public List<string> Locations { get; set; } = ["home", "outdoors"];

    /// <summary>Run type per weekday, keyed mon..sun.</summary>
    public Dictionary<string, string> Week { get; set; } = new(StringComparer.Ordinal)
    {
        ["mon"] = "rest", ["tue"] = "quality", ["wed"] = "easy", ["thu"] = "easy", ["fri"] = "rest", ["sat"] = "easy", ["sun"] = "long",
    };

    public List<string> StrengthDays { get; set; } = [];

    /// <summary>none, 5k, 10k, half, marathon.</summary>
    public string RaceDistance { get; set; } = "10k";

    public DateOnly? RaceDate { get; set; }

    public List<ResultRow> Results { get; set; } = [new(), new()];

    public List<string> Soreness { get; set; } = [];

    public string DistanceUnit { get; set; } = "km";

    public string WeightUnit { get; set; } = "kg";

    public DateOnly? Start { get; set; }

    public int? Weeks { get; set; } = 12;

    public static readonly string[] RunTypes = ["rest", "easy", "quality", "long", "race"];

    public static readonly (string Value, string Label)[] RaceDistances =
        [("none", "No race"), ("5k", "5 km"), ("10k", "10 km"), ("half", "Half marathon"), ("marathon", "Marathon")];

    /// <summary>Defaults for a new plan: start this Monday (today if it is one) or the next, a 10k on the Sunday of week 16.</summary>
    public static ProfileForm Defaults(DateOnly today)
    {
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        return new ProfileForm { Start = monday, RaceDate = monday.AddDays((16 * 7) - 1) };
    }

    /// <summary>The profile JSON (RunnerProfileJson's shape) for what the form holds.</summary>
    public string ToJson()
    {
        var week = new JsonObject();
        foreach (var day in Weekdays.MondayFirst)
        {
            week[Weekdays.Key(day)] = Week.GetValueOrDefault(Weekdays.Key(day), "rest");
        }

        var root = new JsonObject
        {
            ["experience"] = Experience,
            ["equipment"] = Array(["none", .. Equipment.Where(e => e != "none")]),
            ["locations"] = Array(Locations),
            ["week"] = week,
            ["strengthDays"] = Array(StrengthDays),
            ["soreness"] = Array(Soreness),
            ["units"] = new JsonObject { ["distance"] = DistanceUnit, ["weight"] = WeightUnit },
        };
        if (RaceDistance != "none")
        {
            root["race"] = new JsonObject
            {
                ["distance"] = RaceDistance,
                ["date"] = RaceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            };
        }

        var results = new JsonArray();
        foreach (var row in Results.Where(r => !string.IsNullOrWhiteSpace(r.Distance) || !string.IsNullOrWhiteSpace(r.Time)))
        {
            var result = new JsonObject { ["distance"] = row.Distance ?? "", ["time"] = row.Time ?? "" };
            if (row.Date is { } date)
            {
                result["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            results.Add(result);
        }

        if (results.Count > 0)
        {
            root["results"] = results;
        }

        return root.ToJsonString();
    }

    /// <summary>Weeks to pass along: only for a plan without a race.</summary>
    public int? WeeksForPlan => RaceDistance == "none" ? Weeks ?? 12 : null;

    /// <summary>The form for a stored plan, to edit it.</summary>
    public static ProfileForm From(string name, RunnerProfile profile, DateOnly start)
    {
        var form = new ProfileForm
        {
            Name = name,
            Experience = Kebab.Name(profile.Experience),
            Equipment = profile.Equipment.Select(Kebab.Name).ToList(),
            Locations = profile.Locations.Select(Kebab.Name).ToList(),
            Week = Weekdays.MondayFirst.ToDictionary(Weekdays.Key, d => Kebab.Name(profile.Week[d]), StringComparer.Ordinal),
            StrengthDays = profile.StrengthDays.Select(Weekdays.Key).ToList(),
            RaceDistance = profile.Race is { } race ? DistanceKey(race.DistanceMetres) : "none",
            RaceDate = profile.Race?.Date,
            Results = profile.RecentResults.Select(r => new ResultRow
            {
                Distance = DistanceKey(r.DistanceMetres),
                Time = r.Time.ToString(r.Time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture),
                Date = r.Date,
            }).ToList(),
            Soreness = profile.Soreness.Select(Kebab.Name).ToList(),
            DistanceUnit = Kebab.Name(profile.DistanceUnit),
            WeightUnit = Kebab.Name(profile.WeightUnit),
            Start = start,
            Weeks = profile.Race is null ? profile.Weeks : 12,
        };
        while (form.Results.Count < 2)
        {
            form.Results.Add(new ResultRow());
        }

        return form;
    }

    private static string DistanceKey(double metres) => metres switch
    {
        5_000 => "5k",
        10_000 => "10k",
        21_097.5 => "half",
        42_195 => "marathon",
        _ => metres.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Blank values come from the hidden field that lets a fully unticked group post an empty list.</summary>
    private static JsonArray Array(IEnumerable<string> values) =>
        new([.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>
    /// Which form field a profile error belongs to: <c>week.tue</c> -> <c>week</c>, <c>equipment[3]</c> -> <c>equipment</c>,
    /// <c>results[0].time</c> -> <c>results</c>; <c>race.date</c> and <c>race.distance</c> stay.
    /// </summary>
    public static string FieldKey(string field)
    {
        var cut = field.IndexOfAny(['[', '.']);
        var head = cut < 0 ? field : field[..cut];
        return head switch
        {
            "race" => field.StartsWith("race.date", StringComparison.Ordinal) ? "race.date" : "race.distance",
            "profile" or "$" => "form",
            _ => head,
        };
    }

    /// <summary>Groups errors by form field.</summary>
    public static Dictionary<string, List<string>> Group(IEnumerable<ProfileError> errors)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            var key = FieldKey(error.Field);
            if (!byField.TryGetValue(key, out var list))
            {
                byField[key] = list = [];
            }

            list.Add($"{error.Field}: {error.Message}");
        }

        return byField;
    }

    /// <summary>The equipment the catalogue knows (what some exercise or rung uses), bodyweight first.</summary>
    public static IReadOnlyList<Equipment> EquipmentChoices(IEnumerable<Exercise> catalogue) =>
        catalogue.SelectMany(e => e.Equipment.Concat(e.Progression.SelectMany(v => v.Equipment)))
            .Append(Domain.Catalogue.Equipment.None)
            .Append(Domain.Catalogue.Equipment.Hill)
            .Distinct()
            .Order()
            .ToList();

    /// <summary>Checks the form as a profile; errors grouped by field, or the checked profile.</summary>
    public IReadOnlyList<ProfileError> Check(DateOnly today, out CheckedProfile? result, DateOnly? defaultStart = null)
    {
        var errors = new List<ProfileError>();
        if (Name is { Length: > 200 })
        {
            errors.Add(new ProfileError("name", $"{Name.Length} characters; at most 200"));
        }

        if (RaceDistance != "none" && RaceDate is null)
        {
            errors.Add(new ProfileError("race.date", "required when you have a race; or choose \"No race\""));
        }

        if (errors.Count > 0)
        {
            result = null;
            return errors;
        }

        return PlanInput.Check(ToJson(), Start, WeeksForPlan, today, out result, defaultStart);
    }
}

/// <summary>What the wizard partial needs: the form, its errors by field, the equipment to offer, the button's words.</summary>
public sealed record ProfileFormView(ProfileForm Form, IReadOnlyDictionary<string, List<string>> Errors, IReadOnlyList<Equipment> EquipmentChoices, string SubmitLabel);
