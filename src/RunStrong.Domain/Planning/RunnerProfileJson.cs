using System.Globalization;
using System.Text.Json;
using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Planning;

/// <summary>The outcome of parsing a profile: the profile when there are no errors, else every error found.</summary>
public sealed record ProfileParseResult(RunnerProfile? Profile, IReadOnlyList<ProfileError> Errors)
{
    public bool IsValid => Profile is not null && Errors.Count == 0;
}

/// <summary>
/// Reads a runner profile from JSON with kebab-case / lower-case values:
/// <code>
/// {"experience": "none", "equipment": ["none", "loop-band"], "locations": ["home", "gym"], "gymLacks": ["cable"],
///  "hills": "yes", "lifts": [{"exercise": "hip-thrust", "variant": "barbell", "reps": 8, "load": "40kg"}],
///  "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"},
///  "strengthDays": ["tue"], "race": {"distance": "10k", "date": "2027-04-18"}, "start": "2026-12-07",
///  "weeks": 12, "results": [{"distance": "5k", "time": "24:30", "date": "2026-10-01"}],
///  "soreness": ["calves"], "units": {"distance": "km", "weight": "kg"}}
/// </code>
/// Only <c>week</c> is required. Weekdays left out of <c>week</c> are rest days. <c>lifts: []</c> says "never lifted
/// weights"; a load without a unit is in <c>units.weight</c>. Unknown fields are errors, so a
/// typo is not silently ignored. Errors name the field: <c>equipment[1]: unknown equipment 'kettle'; expected one of ...</c>.
/// </summary>
public static class RunnerProfileJson
{
    private static readonly string[] Fields =
        ["name", "experience", "equipment", "locations", "gymLacks", "hills", "lifts", "week", "strengthDays", "race", "weeks", "start", "results", "soreness", "units"];

    /// <summary>The heaviest load a recent set may name, kg: beyond any runner's lift, so a typo is caught.</summary>
    public const double MaxLiftKilograms = 400;

    /// <summary>The most reps a recent set may have: estimates from longer sets say little about a heavy set (domain.md §3).</summary>
    public const int MaxLiftReps = 20;

    /// <summary>Parses and validates a profile; <paramref name="today"/> comes from the caller's clock (never the system clock here).</summary>
    public static ProfileParseResult Parse(string json, DateOnly today)
    {
        var errors = new List<ProfileError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return new(null, [new("$", $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new(null, [new("$", "expected a JSON object")]);
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name, StringComparer.Ordinal))
                {
                    errors.Add(new(property.Name, $"unknown field; expected one of {string.Join(", ", Fields)}"));
                }
            }

            var weightUnit = ReadUnit(root, "weight", WeightUnit.Kg, errors);
            var profile = new RunnerProfile
            {
                Week = ReadWeek(root, errors),
                Experience = Optional(root, "experience", out var e) ? ReadEnum(e, "experience", "experience", StrengthExperience.None, errors) : StrengthExperience.None,
                Equipment = Optional(root, "equipment", out var eq) ? ReadEnumList<Equipment>(eq, "equipment", "equipment", errors) : [Equipment.None],
                Locations = Optional(root, "locations", out var lo) ? ReadEnumList<Location>(lo, "locations", "location", errors) : [Location.Home],
                GymLacks = Optional(root, "gymLacks", out var gl) ? ReadEnumList<Equipment>(gl, "gymLacks", "equipment", errors) : [],
                Hills = Optional(root, "hills", out var h) ? ReadEnum(h, "hills", "hill access", HillAccess.Yes, errors) : HillAccess.Yes,
                Lifts = Optional(root, "lifts", out var li) ? ReadLifts(li, weightUnit, errors) : null,
                StrengthDays = Optional(root, "strengthDays", out var sd) ? ReadWeekdays(sd, errors) : [],
                Race = Optional(root, "race", out var r) ? ReadRace(r, errors) : null,
                Weeks = Optional(root, "weeks", out var w) ? ReadInt(w, "weeks", errors) ?? 12 : 12,
                Start = Optional(root, "start", out var s) ? ReadDate(s, "start", errors) : null,
                RecentResults = Optional(root, "results", out var rr) ? ReadResults(rr, errors) : [],
                Soreness = Optional(root, "soreness", out var so) ? ReadEnumList<Muscle>(so, "soreness", "muscle", errors) : [],
                DistanceUnit = ReadUnit(root, "distance", DistanceUnit.Km, errors),
                WeightUnit = weightUnit,
            };

            if (errors.Count == 0)
            {
                errors.AddRange(profile.Validate(today));
            }

            return errors.Count == 0 ? new(profile, []) : new(null, errors);
        }
    }

    private static bool Optional(JsonElement root, string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static RunningWeek ReadWeek(JsonElement root, List<ProfileError> errors)
    {
        var days = new Dictionary<DayOfWeek, PlannedRunType>();
        if (!root.TryGetProperty("week", out var week) || week.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("week", "required: an object of weekday -> run type, e.g. {\"tue\": \"quality\", \"sun\": \"long\"}"));
            return new RunningWeek(days);
        }

        foreach (var property in week.EnumerateObject())
        {
            var field = $"week.{property.Name}";
            if (!Weekdays.TryParse(property.Name, out var day))
            {
                errors.Add(new(field, "unknown weekday"));
                continue;
            }

            if (days.ContainsKey(day))
            {
                errors.Add(new(field, $"{day} is given twice"));
                continue;
            }

            days[day] = ReadEnum(property.Value, field, "run type", PlannedRunType.Rest, errors);
        }

        return new RunningWeek(days);
    }

    private static TEnum ReadEnum<TEnum>(JsonElement element, string field, string what, TEnum fallback, List<ProfileError> errors)
        where TEnum : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.String && Kebab.TryParse<TEnum>(element.GetString(), out var value))
        {
            return value;
        }

        var shown = element.ValueKind == JsonValueKind.String ? $"'{element.GetString()}'" : element.GetRawText();
        errors.Add(new(field, $"unknown {what} {shown}; expected one of {string.Join(", ", Kebab.Names<TEnum>())}"));
        return fallback;
    }

    private static List<TEnum> ReadEnumList<TEnum>(JsonElement element, string field, string what, List<ProfileError> errors)
        where TEnum : struct, Enum
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(field, $"expected an array of {what} names"));
            return [];
        }

        var values = new List<TEnum>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var before = errors.Count;
            var value = ReadEnum(item, $"{field}[{i}]", what, default(TEnum), errors);
            if (errors.Count == before && !values.Contains(value))
            {
                values.Add(value);
            }

            i++;
        }

        return values;
    }

    private static List<DayOfWeek> ReadWeekdays(JsonElement element, List<ProfileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("strengthDays", "expected an array of weekdays, e.g. [\"tue\", \"thu\"]"));
            return [];
        }

        var days = new List<DayOfWeek>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Weekdays.TryParse(item.GetString(), out var day))
            {
                if (!days.Contains(day))
                {
                    days.Add(day);
                }
            }
            else
            {
                errors.Add(new($"strengthDays[{i}]", $"unknown weekday {item.GetRawText()}; expected mon, tue, wed, thu, fri, sat or sun"));
            }

            i++;
        }

        return days;
    }

    private static GoalRace? ReadRace(JsonElement element, List<ProfileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("race", "expected an object {\"distance\": \"10k\", \"date\": \"YYYY-MM-DD\"} or null"));
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("distance" or "date" or "name"))
            {
                errors.Add(new($"race.{property.Name}", "unknown field; expected distance, date or name"));
            }
        }

        double? distance = element.TryGetProperty("distance", out var d)
            ? ReadDistance(d, "race.distance", errors)
            : Missing<double>("race.distance", "required, e.g. \"10k\" or 15000 (metres)", errors);
        DateOnly? date = element.TryGetProperty("date", out var dt)
            ? ReadDate(dt, "race.date", errors)
            : Missing<DateOnly>("race.date", "required, YYYY-MM-DD", errors);
        var name = element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return distance is { } metres && date is { } day ? new GoalRace { DistanceMetres = metres, Date = day, Name = name } : null;
    }

    private static T? Missing<T>(string field, string message, List<ProfileError> errors)
        where T : struct
    {
        errors.Add(new(field, message));
        return null;
    }

    /// <summary>Named distances in metres: 5k, 10k, half (21 097.5), marathon (42 195), mile; <c>15k</c> style; or a number of metres.</summary>
    internal static bool TryParseDistance(string text, out double metres)
    {
        metres = 0;
        var t = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        switch (t)
        {
            case "half" or "half-marathon" or "halfmarathon" or "hm":
                metres = 21_097.5;
                return true;
            case "marathon" or "full" or "m":
                metres = 42_195;
                return true;
            case "mile" or "1mi" or "1mile":
                metres = 1_609.344;
                return true;
        }

        if (t.EndsWith("km", StringComparison.Ordinal) && double.TryParse(t[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var km))
        {
            metres = km * 1000;
        }
        else if (t.EndsWith('k') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var k))
        {
            metres = k * 1000;
        }
        else if (t.EndsWith("mi", StringComparison.Ordinal) && double.TryParse(t[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var mi))
        {
            metres = mi * 1_609.344;
        }
        else if (t.EndsWith('m') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
        {
            metres = m;
        }
        else if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out metres))
        {
            return false;
        }

        return metres > 0;
    }

    private static double? ReadDistance(JsonElement element, string field, List<ProfileError> errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var metres) && metres > 0)
        {
            return metres;
        }

        if (element.ValueKind == JsonValueKind.String && TryParseDistance(element.GetString()!, out var parsed))
        {
            return parsed;
        }

        errors.Add(new(field, $"unknown distance {element.GetRawText()}; expected 5k, 10k, half, marathon, or metres (15000)"));
        return null;
    }

    private static DateOnly? ReadDate(JsonElement element, string field, List<ProfileError> errors)
    {
        if (element.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, $"{element.GetRawText()} is not a date; expected YYYY-MM-DD"));
        return null;
    }

    private static int? ReadInt(JsonElement element, string field, List<ProfileError> errors)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        errors.Add(new(field, $"{element.GetRawText()} is not a whole number"));
        return null;
    }

    private static List<RaceResult> ReadResults(JsonElement element, List<ProfileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("results", "expected an array of {\"distance\": \"5k\", \"time\": \"24:30\", \"date\": \"YYYY-MM-DD\"}"));
            return [];
        }

        var results = new List<RaceResult>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var field = $"results[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(field, "expected an object with distance, time and date"));
                continue;
            }

            double? distance = item.TryGetProperty("distance", out var d) ? ReadDistance(d, $"{field}.distance", errors) : Missing<double>($"{field}.distance", "required", errors);
            TimeSpan? time = null;
            if (item.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String
                && TimeSpan.TryParseExact(t.GetString(), [@"m\:ss", @"mm\:ss", @"h\:mm\:ss", @"hh\:mm\:ss"], CultureInfo.InvariantCulture, out var parsed)
                && parsed > TimeSpan.Zero)
            {
                time = parsed;
            }
            else
            {
                errors.Add(new($"{field}.time", "expected a time such as \"24:30\" or \"1:52:10\""));
            }

            var date = item.TryGetProperty("date", out var dt) && dt.ValueKind != JsonValueKind.Null ? ReadDate(dt, $"{field}.date", errors) : null;
            if (distance is { } metres && time is { } span)
            {
                results.Add(new RaceResult { DistanceMetres = metres, Time = span, Date = date });
            }
        }

        return results;
    }

    /// <summary>
    /// <c>[{"exercise": "hip-thrust", "variant": "barbell", "reps": 8, "load": "40kg"}]</c>. The exercise and variant must be a
    /// built-in exercise and one of its loaded rungs (the wizard offers those); a bare number is in <paramref name="unit"/>.
    /// </summary>
    private static List<RecentLift> ReadLifts(JsonElement element, WeightUnit unit, List<ProfileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("lifts", "expected an array of {\"exercise\": \"hip-thrust\", \"reps\": 8, \"load\": \"40kg\"} ([] for never lifted)"));
            return [];
        }

        var lifts = new List<RecentLift>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var field = $"lifts[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(field, "expected an object with exercise, reps and load"));
                continue;
            }

            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("exercise" or "variant" or "reps" or "load"))
                {
                    errors.Add(new($"{field}.{property.Name}", "unknown field; expected exercise, variant, reps or load"));
                }
            }

            var before = errors.Count;
            var slug = item.TryGetProperty("exercise", out var ex) && ex.ValueKind == JsonValueKind.String ? ex.GetString()!.Trim().ToLowerInvariant() : null;
            var exercise = slug is null ? null : BuiltInCatalogue.Find(slug);
            var loaded = BuiltInCatalogue.Exercises.Where(e => e.Progression.Any(TakesLoad)).Select(e => e.Slug);
            if (exercise is null || !exercise.Progression.Any(TakesLoad))
            {
                errors.Add(new($"{field}.exercise", $"{(slug is null ? "required" : $"'{slug}' is not an exercise with a loaded version")}; expected one of {string.Join(", ", loaded)}"));
            }

            string? variant = null;
            if (item.TryGetProperty("variant", out var v) && v.ValueKind != JsonValueKind.Null)
            {
                variant = v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim().ToLowerInvariant() : null;
                var rung = exercise?.Progression.FirstOrDefault(x => x.Slug == variant);
                if (exercise is not null && (rung is null || !TakesLoad(rung)))
                {
                    errors.Add(new($"{field}.variant", $"{v.GetRawText()} is not a loaded version of {exercise.Slug}; expected one of {string.Join(", ", exercise.Progression.Where(TakesLoad).Select(x => x.Slug))}"));
                }
            }

            int? reps = item.TryGetProperty("reps", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var n) ? n : null;
            if (reps is not (>= 1 and <= MaxLiftReps))
            {
                errors.Add(new($"{field}.reps", $"{(item.TryGetProperty("reps", out var raw) ? raw.GetRawText() : "missing")}: expected a whole number of reps from 1 to {MaxLiftReps}"));
            }

            var load = ReadLoad(item, $"{field}.load", unit, errors);
            if (errors.Count == before && exercise is not null && reps is { } repCount && load is { } mass)
            {
                lifts.Add(new RecentLift { Exercise = exercise.Slug, Variant = variant, Reps = repCount, Load = mass });
            }
        }

        return lifts;
    }

    private static bool TakesLoad(ExerciseVariant variant) => variant.Load is LoadKind.External or LoadKind.ExternalPlusBand;

    private static Training.Mass? ReadLoad(JsonElement item, string field, WeightUnit unit, List<ProfileError> errors)
    {
        Training.Mass mass;
        var massUnit = unit == WeightUnit.Lb ? Training.MassUnit.Pounds : Training.MassUnit.Kilograms;
        if (!item.TryGetProperty("load", out var load))
        {
            errors.Add(new(field, "required, e.g. \"40kg\" or \"90 lb\""));
            return null;
        }

        if (load.ValueKind == JsonValueKind.Number && load.TryGetDouble(out var number) && number > 0 && double.IsFinite(number))
        {
            mass = Training.Mass.From(number, massUnit);
        }
        else if (load.ValueKind == JsonValueKind.String && double.TryParse(load.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bare) && bare > 0)
        {
            mass = Training.Mass.From(bare, massUnit);
        }
        else if (load.ValueKind != JsonValueKind.String || !Training.Mass.TryParse(load.GetString(), out mass, out _))
        {
            errors.Add(new(field, $"{load.GetRawText()} is not a load; expected a number and a unit, such as \"40kg\" or \"90 lb\""));
            return null;
        }

        if (mass.Kilograms <= 0 || mass.Kilograms > MaxLiftKilograms)
        {
            errors.Add(new(field, $"{mass.Format(massUnit)} is out of range; expected more than 0 and up to {Training.Mass.FromKilograms(MaxLiftKilograms).Format(massUnit)}"));
            return null;
        }

        return mass;
    }

    private static TEnum ReadUnit<TEnum>(JsonElement root, string name, TEnum fallback, List<ProfileError> errors)
        where TEnum : struct, Enum
    {
        if (!Optional(root, "units", out var units))
        {
            return fallback;
        }

        if (units.ValueKind != JsonValueKind.Object)
        {
            if (name == "distance")
            {
                errors.Add(new("units", "expected an object {\"distance\": \"km\", \"weight\": \"kg\"}"));
            }

            return fallback;
        }

        return units.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? ReadEnum(value, $"units.{name}", "unit", fallback, errors)
            : fallback;
    }
}
