using System.CommandLine;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong settings [--distance-unit km|mi] [--weight-unit kg|lb] [--time-zone ZONE] [--resting-hr N] [--max-hr N]
/// [--trimp-weighting men|women] [--clear] [--json]</c>.
/// </summary>
public static class SettingsCommand
{
    public static Command Create()
    {
        var resting = new Option<int?>("--resting-hr") { Description = "Resting heart rate, beats per minute (20–120)." };
        var max = new Option<int?>("--max-hr") { Description = "Maximum heart rate, beats per minute (100–250, above resting)." };
        var weighting = new Option<string?>("--trimp-weighting") { Description = "Banister's TRIMP weighting: men or women." };
        var clear = new Option<bool>("--clear") { Description = "Forget the three heart-rate settings." };
        var distance = new Option<string?>("--distance-unit") { HelpName = "km|mi", Description = "Show distances and paces in kilometres or miles." };
        var weight = new Option<string?>("--weight-unit") { HelpName = "kg|lb", Description = "Show loads in kilograms or pounds (a bare number is taken in this unit)." };
        var zone = new Option<string?>("--time-zone") { HelpName = "ZONE", Description = "Your IANA time zone (America/Denver): your today and the day each run is on." };
        var command = new Command("settings", "Show or change your units, time zone, and heart rates for Banister TRIMP on the dashboard.")
        {
            distance, weight, zone, resting, max, weighting, clear, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var runner = LocalRunner.Instance;
            var settings = await RunnerSettings.GetAsync(db, runner, ct);
            var preferences = parse.GetResult(distance) is not null || parse.GetResult(weight) is not null || parse.GetResult(zone) is not null
                ? await RunnerSettings.UpdatePreferencesAsync(db, runner, new RunnerSettings.PreferencesRequest(parse.GetValue(distance), parse.GetValue(weight), parse.GetValue(zone)), ct)
                : await RunnerPreferences.GetAsync(db, runner, ct);
            var changing = parse.GetValue(clear) || parse.GetResult(resting) is not null || parse.GetResult(max) is not null || parse.GetResult(weighting) is not null;
            if (changing)
            {
                // Options not given keep their stored value; --clear forgets all three.
                var request = parse.GetValue(clear)
                    ? new RunnerSettings.Request(null, null, null)
                    : new RunnerSettings.Request(
                        parse.GetResult(resting) is not null ? parse.GetValue(resting) : settings.RestingHeartRate,
                        parse.GetResult(max) is not null ? parse.GetValue(max) : settings.MaxHeartRate,
                        parse.GetResult(weighting) is not null ? parse.GetValue(weighting) : settings.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null);
                settings = await RunnerSettings.UpdateAsync(db, runner, request, ct);
            }

            var weightingName = settings.TrimpWeighting is { } tw ? Domain.Catalogue.Kebab.Name(tw) : null;
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(new
                {
                    distanceUnit = preferences.DistanceName, weightUnit = preferences.WeightName, timeZone = preferences.ZoneId,
                    restingHeartRate = settings.RestingHeartRate, maxHeartRate = settings.MaxHeartRate, trimpWeighting = weightingName,
                });
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"Distances:          {Output.Esc(preferences.DistanceName)}");
            AnsiConsole.MarkupLine($"Loads:              {Output.Esc(preferences.WeightName)}");
            AnsiConsole.MarkupLine($"Time zone:          {Output.Esc(preferences.ZoneId)}");

            AnsiConsole.MarkupLine($"Resting heart rate: {Output.Esc(settings.RestingHeartRate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not set")}");
            AnsiConsole.MarkupLine($"Maximum heart rate: {Output.Esc(settings.MaxHeartRate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not set")}");
            AnsiConsole.MarkupLine($"TRIMP weighting:    {Output.Esc(weightingName ?? "not set")}");
            if (!settings.IsComplete)
            {
                AnsiConsole.MarkupLine("[grey]Give all three to see Banister TRIMP on the dashboard.[/]");
            }

            return CliApp.Ok;
        }));
        return command;
    }
}
