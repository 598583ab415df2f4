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

/// <summary>A recent set of a lift as typed in the wizard: "hip thrust, barbell, 8 x 40 kg".</summary>
public sealed class LiftRow
{
    /// <summary>"hip-thrust|barbell": the exercise and its loaded rung.</summary>
    public string? Exercise { get; set; }

    public int? Reps { get; set; }

    /// <summary>"40 kg", "90 lb", or a bare number in the profile's weight unit.</summary>
    public string? Load { get; set; }
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

    /// <summary>"yes" or "no": a sturdy sofa, chair or bench at home (for hip thrusts and split squats). Asked, never assumed.</summary>
    public string? HomeBench { get; set; }

    /// <summary>The gym kit the runner keeps ticked (all of <see cref="RunnerProfile.GymEquipment"/> unless they untick some).</summary>
    public List<string> GymHas { get; set; } = [.. RunnerProfile.GymEquipment.Select(Kebab.Name)];

    /// <summary>yes, treadmill or none: "Hills within reach of your runs?"</summary>
    public string Hills { get; set; } = "yes";

    /// <summary>"Never lifted weights": the profile's <c>lifts: []</c>.</summary>
    public bool NeverLifted { get; set; }

    public List<LiftRow> Lifts { get; set; } = [new(), new()];

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

    public static readonly (string Value, string Label, string Reason)[] HillChoices =
    [
        ("yes", "Yes", "Sprints up a 6–8 % hill after an easy run, walking down to recover (Hudson 2008)."),
        ("treadmill", "Only a treadmill", "The treadmill at 6–8 % incline gives the hill's grade: sprint at a hard running speed, straddle the belt to recover."),
        ("none", "None", "Stairs or a short steep ramp (a car-park ramp, a bridge approach): every stride up stairs is a step-up, the exercise with the highest gluteus maximus EMG (Neto 2020), and a ramp of 6–10 % gives a hill's grade."),
    ];

    /// <summary>The gym kit in words for the wizard.</summary>
    public static string GymLabel(Equipment item) => item switch
    {
        Domain.Catalogue.Equipment.Barbell => "Barbell and plates",
        Domain.Catalogue.Equipment.Bench => "Bench",
        Domain.Catalogue.Equipment.Dumbbell => "Dumbbells",
        Domain.Catalogue.Equipment.Cable => "Cable station",
        _ => Kebab.Name(item),
    };

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

        var bench = HomeBench == "yes" ? ["bench"] : System.Array.Empty<string>();
        var root = new JsonObject
        {
            ["experience"] = Experience,
            ["equipment"] = Array(["none", .. Equipment.Where(e => e != "none"), .. bench]),
            ["locations"] = Array(Locations),
            ["gymLacks"] = Array(RunnerProfile.GymEquipment.Select(Kebab.Name).Where(e => !GymHas.Contains(e))),
            ["hills"] = Hills,
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

        var lifts = new JsonArray();
        foreach (var row in NeverLifted ? Enumerable.Empty<LiftRow>() : Lifts.Where(r => !string.IsNullOrWhiteSpace(r.Exercise)))
        {
            var parts = row.Exercise!.Split('|');
            var lift = new JsonObject { ["exercise"] = parts[0] };
            if (parts.Length > 1)
            {
                lift["variant"] = parts[1];
            }

            if (row.Reps is { } reps)
            {
                lift["reps"] = reps;
            }

            lift["load"] = row.Load ?? "";
            lifts.Add(lift);
        }

        if (NeverLifted || lifts.Count > 0)
        {
            root["lifts"] = lifts;
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
            Equipment = profile.Equipment.Where(e => e != Domain.Catalogue.Equipment.Bench).Select(Kebab.Name).ToList(),
            HomeBench = profile.Equipment.Contains(Domain.Catalogue.Equipment.Bench) ? "yes" : "no",
            Locations = profile.Locations.Select(Kebab.Name).ToList(),
            GymHas = RunnerProfile.GymEquipment.Where(e => !profile.GymLacks.Contains(e)).Select(Kebab.Name).ToList(),
            Hills = Kebab.Name(profile.Hills),
            NeverLifted = profile.Lifts is { Count: 0 },
            Lifts = (profile.Lifts ?? []).Select(l => new LiftRow
            {
                Exercise = l.Variant is { } v ? $"{l.Exercise}|{v}" : l.Exercise,
                Reps = l.Reps,
                Load = l.Load.Format(profile.MassUnit),
            }).ToList(),
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

        while (form.Lifts.Count < 2)
        {
            form.Lifts.Add(new LiftRow());
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

    /// <summary>
    /// The equipment the catalogue knows (what some exercise or rung uses), bodyweight first; without the bench (asked on
    /// its own: a sofa or a chair will do) and the hill (the hills question).
    /// </summary>
    public static IReadOnlyList<Equipment> EquipmentChoices(IEnumerable<Exercise> catalogue) =>
        catalogue.SelectMany(e => e.Equipment.Concat(e.Progression.SelectMany(v => v.Equipment)))
            .Append(Domain.Catalogue.Equipment.None)
            .Where(e => e is not (Domain.Catalogue.Equipment.Bench or Domain.Catalogue.Equipment.Hill))
            .Distinct()
            .Order()
            .ToList();

    /// <summary>The lifts a recent set can be given for: every loaded rung of the built-in catalogue, the seed's five first.</summary>
    public static IReadOnlyList<(Exercise Exercise, IReadOnlyList<ExerciseVariant> Rungs)> LiftChoices { get; } =
        BuiltInCatalogue.Exercises
            .Where(e => e.Kind == ExerciseKind.Strength)
            .Select(e => (Exercise: e, Rungs: (IReadOnlyList<ExerciseVariant>)e.Progression.Where(v => v.Load is LoadKind.External or LoadKind.ExternalPlusBand).ToList()))
            .Where(x => x.Rungs.Count > 0)
            .OrderBy(x => new[] { "hip-thrust", "squat", "glute-bridge", "bulgarian-split-squat", "fire-hydrant" } is var seed && System.Array.IndexOf(seed, x.Exercise.Slug) is var i and >= 0 ? i : seed.Length)
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
