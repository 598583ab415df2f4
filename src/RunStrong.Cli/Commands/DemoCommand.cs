using System.CommandLine;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Demo;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong demo [--seed N] [--remove] [--json]</c>: fill the local runner with a demo year, or remove it.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var remove = new Option<bool>("--remove") { Description = "Delete the demo rows (and nothing else) instead of adding them." };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for the generated year: the same seed on the same day gives the same data.",
            DefaultValueFactory = _ => DemoData.DefaultSeed,
        };
        var command = new Command("demo", "Fill RunStrong with a realistic demo year (runs, a plan, strength sessions, soreness check-ins), clearly marked and removable.")
        {
            remove, seed, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var removing = parse.GetValue(remove);
            var summary = removing
                ? await DemoData.RemoveAsync(db, LocalRunner.Instance, ct)
                : await DemoData.FillAsync(db, LocalRunner.Instance, await Features.Training.TrainingData.TodayAsync(db, LocalRunner.Instance, CliApp.Clock, ct), parse.GetValue(seed), ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(summary);
                return CliApp.Ok;
            }

            if (removing)
            {
                AnsiConsole.MarkupLine("[bold]Demo data removed.[/] Your own data is untouched.");
            }
            else
            {
                // Two short lines: Spectre wraps at 80 columns when the output is not a terminal.
                AnsiConsole.MarkupLine($"[bold]Demo data added[/], {summary.From:yyyy-MM-dd} to {summary.To:yyyy-MM-dd}.");
                AnsiConsole.MarkupLine("Remove it with [bold]runstrong demo --remove[/].");
            }

            var table = new Table().AddColumn("What").AddColumn(new TableColumn("Rows").RightAligned());
            table.AddRow("Runs", summary.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Strength sessions", summary.StrengthSessions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Sets", summary.Sets.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Soreness check-ins", summary.CheckIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Plans", summary.Plans.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }
}
