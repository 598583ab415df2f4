using System.CommandLine;
using System.Globalization;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong inspect FILE [--json]</c>: read one activity file and summarise it, storing nothing.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A FIT, GPX or TCX file (gzipped or not), or a zip holding one." };
        var command = new Command("inspect", "Read one activity file and show what RunStrong makes of it (nothing is stored). Exit 1 when nothing can be read.") { file, CliApp.Json };
        command.SetAction(parse =>
        {
            InspectActivity.View view;
            try
            {
                view = InspectActivity.Handle(parse.GetValue(file)!);
            }
            catch (UserInputException e)
            {
                // The reader's message already starts with the file's name: "FILE: reason", as scripts expect.
                Console.Error.WriteLine(e.Message);
                return CliApp.Failed;
            }

            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(view);
            }
            else
            {
                Write(view);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static void Write(InspectActivity.View v)
    {
        AnsiConsole.MarkupLine($"[bold]{Output.Esc(v.Name ?? Path.GetFileName(v.Path))}[/]");
        var facts = new Table().Border(TableBorder.None).HideHeaders().AddColumn("").AddColumn("");
        facts.AddRow("Format", v.Format.ToUpperInvariant());
        facts.AddRow("Sport", Output.Esc(v.SubSport is null ? v.Sport : $"{v.Sport} ({v.SubSport})"));
        facts.AddRow("Start", v.StartTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        facts.AddRow("Distance", $"{Units.Km(v.DistanceMeters)} ({v.DistanceSource})");
        facts.AddRow("Time", $"{Units.Duration(v.MovingSeconds)} moving, {Units.Duration(v.ElapsedSeconds)} elapsed");
        facts.AddRow("Pace", Units.Pace(v.AveragePaceSecondsPerKm) + (v.AverageGradeAdjustedPaceSecondsPerKm is { } gap ? $" (grade-adjusted {Units.Pace(gap)})" : ""));
        facts.AddRow("Climbing", v.AscentMeters is { } up ? $"+{up:0} m / -{v.DescentMeters ?? 0:0} m" : "no altitude");
        facts.AddRow("Heart rate", v.AvgHeartRate is { } avg ? $"{avg:0} avg, {v.MaxHeartRate:0} max" : "not recorded");
        facts.AddRow("Records", $"{v.Records} points, {v.Laps} laps");
        AnsiConsole.Write(facts);

        if (v.BestEfforts.Count > 0)
        {
            AnsiConsole.MarkupLine("[bold]Best efforts[/]");
            foreach (var e in v.BestEfforts)
            {
                AnsiConsole.MarkupLine($"  {Units.EffortName(e.DistanceMeters),-14} {Units.Duration(e.Seconds)}");
            }
        }

        if (v.Climbs.Count > 0)
        {
            AnsiConsole.MarkupLine("[bold]Climbs[/]");
            foreach (var c in v.Climbs)
            {
                AnsiConsole.MarkupLine($"  at {Units.Km(c.StartMeters)}: {c.LengthMeters:0} m long, +{c.GainMeters:0} m, {c.AverageGrade * 100:0.0} %");
            }
        }

        if (v.HillSprints.Count > 0)
        {
            AnsiConsole.MarkupLine($"[bold]Hill sprints[/]: {v.HillSprints.Count}");
        }

        foreach (var warning in v.Warnings)
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Output.Esc(warning)}");
        }
    }
}

/// <summary>How the CLI prints distances, durations and paces.</summary>
internal static class Units
{
    public static string Km(double meters) => (meters / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " km";

    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1
            ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}"
            : $"{t.Minutes}:{t.Seconds:00}";
    }

    public static string Pace(double? secondsPerKm) => secondsPerKm is { } p && double.IsFinite(p) ? Duration(p) + " /km" : "-";

    public static string EffortName(double meters) => meters switch
    {
        > 1609 and < 1610 => "1 mile",
        21097.5 => "half marathon",
        42195 => "marathon",
        < 1000 => $"{meters:0} m",
        _ => (meters / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " km",
    };
}
