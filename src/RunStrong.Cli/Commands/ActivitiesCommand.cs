using System.CommandLine;
using System.Globalization;
using RunStrong.Cli.Remote;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong activities [--page N] [--page-size N] [--json]</c>: the imported activities, newest first, from the
/// local database or the server the user is logged in to.</summary>
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
            var (list, units) = await ListAsync(parse, request, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(list);
                return CliApp.Ok;
            }

            // Fits an 80-column terminal: id, start, sport and name share the first column over two lines. Distances,
            // paces and climbs in the runner's units, start times in the runner's time zone.
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn(new TableColumn($"Activity (start, {Output.Esc(units.ZoneId)})"))
                .AddColumn(new TableColumn("Distance").RightAligned().NoWrap()).AddColumn(new TableColumn("Moving").RightAligned().NoWrap())
                .AddColumn(new TableColumn("Pace").RightAligned().NoWrap()).AddColumn(new TableColumn("Climb").RightAligned().NoWrap());
            foreach (var a in list.Items)
            {
                var what = string.IsNullOrWhiteSpace(a.Name) ? a.Sport : $"{a.Sport}: {a.Name}";
                table.AddRow(
                    $"{a.Id.ToString(CultureInfo.InvariantCulture)}  {units.LocalTime(a.StartTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}\n[grey]{Output.Esc(what)}[/]",
                    units.ShowDistance(a.DistanceMeters),
                    Units.Duration(a.MovingSeconds),
                    units.ShowPace(a.AveragePaceSecondsPerKm),
                    units.ShowClimb(a.AscentMeters));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{list.Total} activities; page {list.Page} of {list.Pages}[/]");
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>From the server the user is logged in to, else from the local database; with the runner's units and zone.</summary>
    private static async Task<(ListActivities.Response List, RunnerPreferences Units)> ListAsync(ParseResult parse, ListActivities.Request request, CancellationToken ct)
    {
        using var api = RemoteMode.Connect(parse);
        if (api is not null)
        {
            var list = await api.GetJsonAsync<ListActivities.Response>(
                string.Create(CultureInfo.InvariantCulture, $"api/activities?page={request.Page}&pageSize={request.PageSize}"), ct);
            var settings = await api.GetJsonAsync<System.Text.Json.JsonElement>("api/settings", ct);
            string? Text(string name) => settings.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
            return (list, RunnerPreferences.From(Text("distanceUnit"), Text("weightUnit"), Text("timeZone")));
        }

        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var db = DataServices.CreateContext(target);
        return (await ListActivities.HandleAsync(db, LocalRunner.Instance, request, ct), await RunnerPreferences.GetAsync(db, LocalRunner.Instance, ct));
    }
}
