using System.CommandLine;
using System.Globalization;
using RunStrong.Domain.Units;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong inspect FILE [--unit km|mi] [--json]</c>: read one activity file and summarise it, storing nothing:
/// its figures, the notes on how they were worked out, splits per km or mile and the device's laps.
/// </summary>
public static class InspectCommand
{
    /// <summary>
    /// <c>--unit km|mi</c>: the runner's distance unit for splits, distances and paces (km when left out). It takes the
    /// runner's own setting once runners have one.
    /// </summary>
    public static readonly Option<string?> Unit = new("--unit") { Description = "Splits, distances and paces per km or per mile: km (default) or mi." };

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A FIT, GPX or TCX file (gzipped or not), or a zip holding one." };
        var command = new Command("inspect", "Read one activity file and show what RunStrong makes of it (nothing is stored): figures, notes, splits and laps. Exit 1 when nothing can be read, or it is too short to be an activity.") { file, Unit, CliApp.Json };
        command.SetAction(parse =>
        {
            InspectActivity.View view;
            DistanceUnit unit;
            try
            {
                unit = ParseUnit(parse.GetValue(Unit));
                view = InspectActivity.Handle(parse.GetValue(file)!, unit);
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
                Write(view, unit);
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>km when left out; anything but km or mi is a user error naming --unit.</summary>
    public static DistanceUnit ParseUnit(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DistanceUnit.Kilometres
        : Measure.TryParse(text, out var unit) ? unit
        : throw new UserInputException("--unit", $"--unit: '{text.Trim()}' is not a distance unit; use km or mi");

    private static void Write(InspectActivity.View v, DistanceUnit u)
    {
        AnsiConsole.MarkupLine($"[bold]{Output.Esc(v.Name ?? Path.GetFileName(v.Path))}[/]");
        var facts = new Table().Border(TableBorder.None).HideHeaders().AddColumn("").AddColumn("");
        facts.AddRow("Format", v.Format.ToUpperInvariant());
        facts.AddRow("Sport", Output.Esc(v.SubSport is null ? v.Sport : $"{v.Sport} ({v.SubSport})"));
        facts.AddRow("Start", v.StartTime is { } start
            ? (v.HasTimes ? start.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (the file's own date: no times in this file)")
            : "no date in this file (import it with --date YYYY-MM-DD)");
        facts.AddRow("Distance", $"{Measure.Distance(v.DistanceMeters, u)} ({v.DistanceSource})");
        facts.AddRow("Time", v.HasTimes ? $"{Measure.Duration(v.MovingSeconds)} moving, {Measure.Duration(v.ElapsedSeconds)} elapsed" : "no times in this file");
        facts.AddRow("Pace", Measure.Pace(v.AveragePaceSecondsPerKm, u) + (v.AverageGradeAdjustedPaceSecondsPerKm is { } gap ? $" (grade-adjusted {Measure.Pace(gap, u)})" : ""));
        facts.AddRow("Climbing", v.AscentMeters is { } up ? $"+{Measure.Height(up, u)} / -{Measure.Height(v.DescentMeters ?? 0, u)}" : "no altitude");
        facts.AddRow("Heart rate", v.AvgHeartRate is { } avg ? $"{avg:0} avg, {v.MaxHeartRate:0} max" : "not recorded");
        facts.AddRow("Records", $"{v.Records} points, {v.Laps} laps");
        AnsiConsole.Write(facts);

        foreach (var note in v.Notes)
        {
            AnsiConsole.MarkupLine(note.Implausible ? $"[red]not believed:[/] {Output.Esc(note.Message)}" : $"[grey]note:[/] {Output.Esc(note.Message)}");
        }

        if (v.BestEfforts.Count > 0)
        {
            AnsiConsole.MarkupLine("[bold]Best efforts[/] (elapsed time, never across a stop of more than a minute)");
            foreach (var e in v.BestEfforts)
            {
                AnsiConsole.MarkupLine($"  {Units.EffortName(e.DistanceMeters),-14} {Measure.Duration(e.Seconds)}");
            }
        }

        if (v.Splits.Count > 0)
        {
            var symbol = Measure.Symbol(u);
            var splits = new Table().Title($"[bold]Splits per {(u == DistanceUnit.Miles ? "mile" : "km")}[/]").Border(TableBorder.Simple).AddColumn(symbol);
            if (v.HasTimes)
            {
                splits.AddColumn(new TableColumn("Time").RightAligned()).AddColumn(new TableColumn("Pace").RightAligned())
                    .AddColumn(new TableColumn("Grade-adj.").RightAligned()).AddColumn(new TableColumn("HR").RightAligned());
            }

            splits.AddColumn(new TableColumn("Elev.").RightAligned());
            foreach (var s in v.Splits)
            {
                var label = s.DistanceMeters >= Measure.MetresPer(u) - 0.5 ? s.Number.ToString(CultureInfo.InvariantCulture) : Measure.Distance(s.DistanceMeters, u);
                splits.AddRow(v.HasTimes
                    ? [label, Measure.Duration(s.MovingSeconds), Measure.Pace(s.PaceSecondsPerKm, u), Measure.Pace(s.GradeAdjustedPaceSecondsPerKm, u),
                        s.AverageHeartRate is { } hr ? hr.ToString("0", CultureInfo.InvariantCulture) : Measure.Missing, Signed(s.ElevationChangeMeters, u)]
                    : [label, Signed(s.ElevationChangeMeters, u)]);
            }

            AnsiConsole.Write(splits);
        }

        if (v.LapTable.Count > 0)
        {
            var laps = new Table().Title("[bold]Laps[/] (as the device recorded them)").Border(TableBorder.Simple)
                .AddColumn("Lap").AddColumn(new TableColumn("Distance").RightAligned()).AddColumn(new TableColumn("Time").RightAligned())
                .AddColumn(new TableColumn("Pace").RightAligned()).AddColumn(new TableColumn("Grade-adj.").RightAligned())
                .AddColumn(new TableColumn("HR").RightAligned()).AddColumn(new TableColumn("Elev.").RightAligned());
            foreach (var l in v.LapTable)
            {
                laps.AddRow(l.Number.ToString(CultureInfo.InvariantCulture), l.DistanceMeters is { } d ? Measure.Distance(d, u) : Measure.Missing,
                    Measure.Duration(l.MovingSeconds), Measure.Pace(l.PaceSecondsPerKm, u), Measure.Pace(l.GradeAdjustedPaceSecondsPerKm, u),
                    l.AverageHeartRate is { } hr ? hr.ToString("0", CultureInfo.InvariantCulture) : Measure.Missing, Signed(l.ElevationChangeMeters, u));
            }

            AnsiConsole.Write(laps);
        }
        else if (v.Format == "gpx")
        {
            AnsiConsole.MarkupLine("[grey]Laps: GPX files hold none.[/]");
        }

        if (v.Climbs.Count > 0)
        {
            AnsiConsole.MarkupLine("[bold]Climbs[/]");
            foreach (var c in v.Climbs)
            {
                AnsiConsole.MarkupLine($"  at {Measure.Distance(c.StartMeters, u)}: {Measure.Stretch(c.LengthMeters, u)} long, +{Measure.Height(c.GainMeters, u)}, {c.AverageGrade * 100:0.0} %");
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

    /// <summary>"+12 m", "-16 ft" (feet with miles): <see cref="Measure.HeightChange"/> with an ASCII minus for terminals.</summary>
    private static string Signed(double? meters, DistanceUnit unit) => Measure.HeightChange(meters, unit).Replace('−', '-');
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
