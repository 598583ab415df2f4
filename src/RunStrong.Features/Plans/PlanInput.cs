using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>A profile read and checked for planning: the profile, the JSON to store, and the plan's first day.</summary>
public sealed record CheckedProfile(RunnerProfile Profile, string Json, DateOnly Start, int? Weeks);

/// <summary>
/// Turns what a runner typed (profile JSON, an optional start and number of weeks) into a profile the generator accepts.
/// The start and weeks are written into the stored JSON, so a stored profile alone regenerates the same plan.
/// Shared by every plan slice: the CLI, the API and the pages check input the same way.
/// </summary>
public static class PlanInput
{
    /// <summary>
    /// How far ahead a new plan may start: a year (with its 52 weeks at most, a plan then reaches two years ahead, the
    /// days <see cref="LoggedDays.ShownYearsAhead"/> lets pages show). The earliest start is <see cref="LoggedDays.Earliest"/>.
    /// </summary>
    public const int StartYearsAhead = 1;

    /// <summary>The error for a plan start outside 1990-01-01 to a year after today (a plan at the calendar's edge cannot be laid out), or null.</summary>
    public static ProfileError? CheckStart(DateOnly start, DateOnly today)
    {
        var latest = today.Year <= DateOnly.MaxValue.Year - StartYearsAhead ? today.AddYears(StartYearsAhead) : DateOnly.MaxValue;
        return start >= LoggedDays.Earliest && start <= latest
            ? null
            : new ProfileError("start", string.Create(CultureInfo.InvariantCulture,
                $"{start:yyyy-MM-dd} is not a day a plan can start ({LoggedDays.Earliest:yyyy-MM-dd} to a year after today, {latest:yyyy-MM-dd})"));
    }

    /// <summary>Every problem with the input, each naming its field (<c>race.date</c>, <c>equipment[1]</c>); empty when fine.</summary>
    /// <param name="defaultStart">The first day when neither <paramref name="start"/> nor the JSON gives one (an edited plan keeps its own); else today.</param>
    /// <param name="runnersUnits">The runner's settings, for the units the profile leaves out (a profile sent by a script
    /// or the CLI without <c>units</c> reads in the runner's miles and pounds, not in km and kg); null: km and kg.</param>
    public static IReadOnlyList<ProfileError> Check(
        string? profileJson, DateOnly? start, int? weeks, DateOnly today, out CheckedProfile? result, DateOnly? defaultStart = null,
        Settings.RunnerPreferences? runnersUnits = null)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(profileJson))
        {
            return [new ProfileError("profile", "required: the runner profile as JSON")];
        }

        JsonObject root;
        try
        {
            var node = JsonNode.Parse(profileJson, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (node is not JsonObject obj)
            {
                return [new ProfileError("profile", "expected a JSON object")];
            }

            root = obj;
        }
        catch (JsonException e)
        {
            return [new ProfileError("profile", $"not valid JSON: {e.Message}")];
        }

        if (start is { } s)
        {
            root["start"] = s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (root["start"] is null)
        {
            // The plan is stored: pin its first day so it does not move with the clock.
            root["start"] = (defaultStart ?? today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (runnersUnits is not null)
        {
            // Pinned in the stored profile like the start: the plan keeps the units it was made in.
            var units = root["units"] ?? (root["units"] = new JsonObject());
            if (units is JsonObject given)
            {
                given["distance"] ??= runnersUnits.DistanceName;
                given["weight"] ??= runnersUnits.WeightName;
            }
        }

        var hasRace = root["race"] is not null;
        if (weeks is { } w)
        {
            if (hasRace)
            {
                return [new ProfileError("weeks", "the plan runs to race day; give a number of weeks only for a plan without a race")];
            }

            root["weeks"] = w;
        }

        // The start first: a race date is judged against it, and a start at the calendar's edge cannot be laid out.
        if (root["start"] is JsonValue startValue && startValue.TryGetValue<string>(out var startText)
            && DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDay)
            && CheckStart(startDay, today) is { } startError)
        {
            return [startError];
        }

        var json = root.ToJsonString();
        var parsed = RunnerProfileJson.Parse(json, today);
        if (!parsed.IsValid)
        {
            return parsed.Errors;
        }

        var profile = parsed.Profile!;
        result = new CheckedProfile(profile, json, profile.StartOr(today), profile.Race is null ? profile.Weeks : null);
        return [];
    }

    /// <summary>Like <see cref="Check"/>, but throws <see cref="UserInputException"/> naming the first field (all problems in the message, each under its own field in its errors).</summary>
    public static CheckedProfile Read(
        string? profileJson, DateOnly? start, int? weeks, DateOnly today, DateOnly? defaultStart = null, Settings.RunnerPreferences? runnersUnits = null)
    {
        var errors = Check(profileJson, start, weeks, today, out var result, defaultStart, runnersUnits);
        return errors.Count > 0
            ? throw new UserInputException(errors[0].Field, string.Join("; ", errors.Select(e => e.ToString())))
            {
                Errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
            }
            : result!;
    }

    /// <summary>A stored profile, read back as of its own start day (a plan whose race is past still opens).</summary>
    public static CheckedProfile ReadStored(string profileJson, DateOnly start)
    {
        var parsed = RunnerProfileJson.Parse(profileJson, start);
        if (!parsed.IsValid)
        {
            // Stored JSON passed the same checks when it was saved; failing now means the rules changed.
            throw new InvalidOperationException("A stored plan profile no longer parses: " + string.Join("; ", parsed.Errors));
        }

        var profile = parsed.Profile!;
        return new CheckedProfile(profile, profileJson, profile.StartOr(start), profile.Race is null ? profile.Weeks : null);
    }

    public static Plan Generate(CheckedProfile input, IReadOnlyList<Exercise> catalogue) =>
        PlanGenerator.Generate(input.Profile, catalogue, input.Start);

    /// <summary>A plan name from the input, or one made from the race or the start.</summary>
    public static string NameFor(string? name, CheckedProfile input)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            var trimmed = name.Trim();
            return trimmed.Length <= 200 ? trimmed : throw new UserInputException("name", $"name: {trimmed.Length} characters; at most 200");
        }

        return input.Profile.Race is { } race
            ? $"{race.Name ?? RaceWords(race.DistanceMetres)} on {race.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
            : $"{input.Weeks} weeks from {input.Start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
    }

    /// <summary>"10k", "Half marathon", "Marathon", "15 km".</summary>
    public static string RaceWords(double metres) => metres switch
    {
        21_097.5 => "Half marathon",
        42_195 => "Marathon",
        _ when metres % 1000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{metres / 1000:0}k"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{metres / 1000:0.#} km"),
    };
}

/// <summary>Event UIDs for a stored plan: stable across renames and re-plans, different for every plan.</summary>
public static class PlanCalendarKey
{
    public static string For(long id, DateTime createdAt) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"plan-{id}-{createdAt:yyyyMMddHHmmss}");
}

/// <summary>The secret in a plan's private calendar URL: 32 random bytes, URL-safe base64 (43 characters).</summary>
public static class CalendarToken
{
    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
