using System.CommandLine;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong settings [--resting-hr N] [--max-hr N] [--trimp-weighting men|women] [--json]</c>.</summary>
public static class SettingsCommand
{
    public static Command Create()
    {
        var resting = new Option<int?>("--resting-hr") { Description = "Resting heart rate, beats per minute (20–120)." };
        var max = new Option<int?>("--max-hr") { Description = "Maximum heart rate, beats per minute (100–250, above resting)." };
        var weighting = new Option<string?>("--trimp-weighting") { Description = "Banister's TRIMP weighting: men or women." };
        var clear = new Option<bool>("--clear") { Description = "Forget all three." };
        var command = new Command("settings", "Show or change your heart rates for Banister TRIMP on the dashboard.")
        {
            resting, max, weighting, clear, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var runner = LocalRunner.Instance;
            var settings = await RunnerSettings.GetAsync(db, runner, ct);
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
                Output.WriteJson(new { restingHeartRate = settings.RestingHeartRate, maxHeartRate = settings.MaxHeartRate, trimpWeighting = weightingName });
                return CliApp.Ok;
            }

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
