using System.CommandLine;
using System.Globalization;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong activities [--page N] [--page-size N] [--json]</c>: the imported activities, newest first.</summary>
public static class ActivitiesCommand
{
    public static Command Create()
    {
        var page = new Option<int>("--page") { Description = "Which page (1 is the newest).", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = $"Activities per page (1-{ListActivities.MaxPageSize}).", DefaultValueFactory = _ => ListActivities.DefaultPageSize };
        var command = new Command("activities", "List imported activities, newest first.") { page, pageSize, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var request = new ListActivities.Request(parse.GetValue(page), parse.GetValue(pageSize));
            ListActivities.Validate(request);
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var list = await ListActivities.HandleAsync(db, LocalRunner.Instance, request, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(list);
                return CliApp.Ok;
            }

            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("Id").AddColumn("Start (UTC)").AddColumn("Sport").AddColumn("Name")
                .AddColumn(new TableColumn("Distance").RightAligned()).AddColumn(new TableColumn("Moving").RightAligned())
                .AddColumn(new TableColumn("Pace").RightAligned()).AddColumn(new TableColumn("Climb").RightAligned());
            foreach (var a in list.Items)
            {
                table.AddRow(
                    a.Id.ToString(CultureInfo.InvariantCulture),
                    a.StartTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Output.Esc(a.Sport),
                    Output.Esc(a.Name ?? ""),
                    Units.Km(a.DistanceMeters),
                    Units.Duration(a.MovingSeconds),
                    Units.Pace(a.AveragePaceSecondsPerKm),
                    $"{a.AscentMeters:0} m");
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{list.Total} activities; page {list.Page} of {list.Pages}[/]");
            return CliApp.Ok;
        }));
        return command;
    }
}
