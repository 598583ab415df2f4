using System.CommandLine;
using System.Globalization;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong next [EXERCISE] [--date D] [--json]</c>: the next session's prescription per exercise, with its reason.</summary>
public static class NextCommand
{
    public static Command Create()
    {
        var exercise = new Argument<string?>("EXERCISE") { Description = "One exercise's slug (hip-thrust); left out, every exercise planned next or in your log.", Arity = ArgumentArity.ZeroOrOne };
        var date = new Option<string?>("--date") { Description = "The day to prescribe for, YYYY-MM-DD (deload weeks); default today." };
        var command = new Command("next", "Show the next prescription per exercise, computed from your log, with the reason.") { exercise, date, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var day = LogCommand.ParseDate(parse.GetValue(date));
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var response = await NextPrescription.HandleAsync(db, LocalRunner.Instance, CliApp.Clock,
                new NextPrescription.Request(parse.GetValue(exercise), day), ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(response);
                return CliApp.Ok;
            }

            if (response.Exercises.Count == 0)
            {
                AnsiConsole.MarkupLine("Nothing logged and no plan yet: log a session with [bold]runstrong log strength[/], or name an exercise: [bold]runstrong next hip-thrust[/].");
                return CliApp.Ok;
            }

            var heading = response.Plan is { } plan ? $"Next session {response.Date:yyyy-MM-dd} ({plan}{(response.Deload ? ", deload week" : "")})" : $"Next session ({response.Date:yyyy-MM-dd})";
            AnsiConsole.MarkupLine($"[bold]{Output.Esc(heading)}[/]");
            foreach (var item in response.Exercises)
            {
                AnsiConsole.MarkupLine($"[bold]{Output.Esc(item.ExerciseName)}[/] ({Output.Esc(item.Variant)}): {Output.Esc(Dose(item))}");
                AnsiConsole.MarkupLine($"  [grey]{Output.Esc(item.Reason)}[/]");
            }

            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>"3 x 10 at 62.5 kg, RPE 7" / "3 x 30 s, RPE 7" / "3 x 12 each leg with a light band, RPE 8".</summary>
    public static string Dose(NextPrescription.Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reps = item.TargetReps is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{item.Sets} x {r}{(item.SingleLeg ? " each leg" : "")}")
            : string.Create(CultureInfo.InvariantCulture, $"{item.Sets} x {item.Seconds} s");
        var load = item.Load is { } l ? " at " + l : "";
        var band = item.Band is { } b ? $" with a {b} band" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{reps}{load}{band}, RPE {item.TargetRpe:0.#}");
    }
}
