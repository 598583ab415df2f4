using System.CommandLine;
using System.Globalization;
using RunStrong.Cli.Remote;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong activities [--before DATE | --after DATE] [--limit N] [--json]</c>: the activities, newest first, a page of
/// whole days at a time, from the local database or the server the user is logged in to. <c>--page N [--page-size N]</c>
/// keeps numbered pages for scripts written before. The JSON's <c>next</c> and <c>newer</c> are the options to pass for the
/// older and the newer page (<c>nextBefore</c> and <c>newerAfter</c> their days), null when there is none.
/// </summary>
public static class ActivitiesCommand
{
    public static Command Create()
    {
        var before = new Option<string?>("--before") { Description = "Only days before this one, YYYY-MM-DD: the older page (the last page's nextBefore)." };
        var after = new Option<string?>("--after") { Description = "Only days after this one, YYYY-MM-DD: the newer page (a page's newerAfter)." };
        var limit = new Option<int?>("--limit") { Description = $"At most this many activities, whole days only (1-{DayPages.MaxLimit}, default {ListActivities.DefaultPageSize})." };
        var page = new Option<int?>("--page") { Description = "Numbered pages instead (1 is the newest), for scripts written before --before." };
        var pageSize = new Option<int?>("--page-size") { Description = $"With --page: activities per page (1-{ListActivities.MaxPageSize}, default {ListActivities.DefaultPageSize})." };
        var command = new Command("activities", "List activities, newest first, a page of whole days at a time.") { before, after, limit, page, pageSize, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            // --page, or --page-size alone, is a script written for numbered pages: it keeps them.
            var numbered = parse.GetValue(page) ?? (parse.GetValue(pageSize) is not null && parse.GetValue(limit) is null
                && parse.GetValue(before) is null && parse.GetValue(after) is null ? 1 : null);
            var request = numbered is not null
                ? new ListActivities.Request(numbered, parse.GetValue(pageSize) ?? ListActivities.DefaultPageSize)
                : new ListActivities.Request(null, parse.GetValue(limit) ?? ListActivities.DefaultPageSize,
                    LogCommand.ParseDate(parse.GetValue(before), "before"), LogCommand.ParseDate(parse.GetValue(after), "after"));
            ListActivities.Validate(request);
            var (fetched, units) = await ListAsync(parse, request, ct);
            var list = WithCommandLinePages(fetched, request);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(list);
                return CliApp.Ok;
            }

            if (list.Items.Count == 0)
            {
                AnsiConsole.MarkupLine(list.Total == 0 ? "0 activities yet: import files (runstrong import PATH) or log a run (runstrong log run)." : $"No activities there ({list.Total.ToString(CultureInfo.InvariantCulture)} in all).");
                return CliApp.Ok;
            }

            // Fits an 80-column terminal: id, start, sport and name share the first column over two lines. Distances,
            // paces and climbs in the runner's units, start times in the runner's time zone; a run logged by hand has a
            // day and no time of day, and no climb was measured for it.
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn(new TableColumn($"Activity (start, {Output.Esc(units.ZoneId)})"))
                .AddColumn(new TableColumn("Distance").RightAligned().NoWrap()).AddColumn(new TableColumn("Moving").RightAligned().NoWrap())
                .AddColumn(new TableColumn("Pace").RightAligned().NoWrap()).AddColumn(new TableColumn("Climb").RightAligned().NoWrap());
            foreach (var a in list.Items)
            {
                var what = string.IsNullOrWhiteSpace(a.Name) ? a.Sport : $"{a.Sport}: {a.Name}";
                var when = a.HasRecordedStart
                    ? units.LocalTime(a.StartTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (a.Format == GetActivity.ManualFormat ? " (by hand)" : "");
                table.AddRow(
                    $"{a.Id.ToString(CultureInfo.InvariantCulture)}  {when}\n[grey]{Output.Esc(what)}[/]",
                    units.ShowDistance(a.DistanceMeters),
                    Units.Duration(a.MovingSeconds),
                    units.ShowPace(a.AveragePaceSecondsPerKm),
                    units.ShowClimb(a.AscentMeters));
            }

            AnsiConsole.Write(table);
            var last = list.First + list.Items.Count - 1;
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]Activities {list.First:N0}–{last:N0} of {list.Total:N0}[/]"));
            if (list.Newer is { } newer)
            {
                AnsiConsole.MarkupLine($"[grey]Newer: runstrong activities {Output.Esc(newer)}[/]");
            }

            if (list.Next is { } next)
            {
                AnsiConsole.MarkupLine($"[grey]Older: runstrong activities {Output.Esc(next)}[/]");
            }

            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The list with <c>next</c> and <c>newer</c> as this command's options for those pages (the API's are addresses):
    /// <c>--before 2026-10-19 --limit 30</c>, or <c>--page 2 --page-size 30</c> with numbered pages.
    /// </summary>
    private static ListActivities.Response WithCommandLinePages(ListActivities.Response list, ListActivities.Request request)
    {
        if (request.Page is { } number)
        {
            return list with
            {
                Next = number < list.Pages ? string.Create(CultureInfo.InvariantCulture, $"--page {number + 1} --page-size {list.PageSize}") : null,
                Newer = number > 1 ? string.Create(CultureInfo.InvariantCulture, $"--page {number - 1} --page-size {list.PageSize}") : null,
            };
        }

        return list with
        {
            Next = list.NextBefore is { } older ? string.Create(CultureInfo.InvariantCulture, $"--before {older:yyyy-MM-dd} --limit {list.PageSize}") : null,
            Newer = list.NewerAfter is { } newer ? string.Create(CultureInfo.InvariantCulture, $"--after {newer:yyyy-MM-dd} --limit {list.PageSize}") : null,
        };
    }

    /// <summary>From the server the user is logged in to, else from the local database; with the runner's units and zone.</summary>
    private static async Task<(ListActivities.Response List, RunnerPreferences Units)> ListAsync(ParseResult parse, ListActivities.Request request, CancellationToken ct)
    {
        using var api = RemoteMode.Connect(parse);
        if (api is not null)
        {
            var query = request.Page is { } number
                ? string.Create(CultureInfo.InvariantCulture, $"page={number}&pageSize={request.PageSize}")
                : string.Create(CultureInfo.InvariantCulture,
                    $"limit={request.PageSize}{(request.Before is { } b ? $"&before={b:yyyy-MM-dd}" : "")}{(request.After is { } f ? $"&after={f:yyyy-MM-dd}" : "")}");
            var list = await api.GetJsonAsync<ListActivities.Response>("api/activities?" + query, ct);
            var settings = await api.GetJsonAsync<System.Text.Json.JsonElement>("api/settings", ct);
            string? Text(string name) => settings.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
            return (list, RunnerPreferences.From(Text("distanceUnit"), Text("weightUnit"), Text("timeZone")));
        }

        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var db = DataServices.CreateContext(target);
        return (await ListActivities.HandleAsync(db, LocalRunner.Instance, request, ct), await RunnerPreferences.GetAsync(db, LocalRunner.Instance, ct));
    }
}
