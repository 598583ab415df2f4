using System.CommandLine;
using System.Globalization;
using RunStrong.Cli.Remote;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong log strength|run|soreness|list</c>: the training log from the terminal, through the same feature handlers
/// as the web app. Sets are written compactly (<see cref="SetNotation"/>): <c>--set 12x60kg@7 --set 10x60kg@8</c>.
/// Logged in to a server (<c>runstrong login</c>), <c>strength</c>, <c>run</c> and <c>soreness</c> log there instead.
/// </summary>
public static class LogCommand
{
    public static Command Create()
    {
        var command = new Command("log", "Log strength sessions, runs and soreness; list the log.");
        command.Subcommands.Add(CreateStrength());
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateSoreness());
        command.Subcommands.Add(CreateList());
        return command;
    }

    /// <summary>Reads YYYY-MM-DD; null stays null (today).</summary>
    public static DateOnly? ParseDate(string? text, string field = "date")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserInputException(field, $"{field}: '{text.Trim()}' is not a date; write YYYY-MM-DD, such as 2026-12-08");
    }

    private static Option<string?> DateOption() => new("--date") { Description = "The day, YYYY-MM-DD; default today." };

    private static Command CreateStrength()
    {
        var exercise = new Option<string>("--exercise") { Description = "The exercise's slug (hip-thrust; see `runstrong exercises`).", Required = true };
        var variant = new Option<string?>("--variant") { Description = "The rung of its ladder (bodyweight, banded, barbell, ...); may be left out for one-rung exercises." };
        var sets = new Option<string[]>("--set")
        {
            Description = "One set, repeatable: " + SetNotation.Help + ".",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var date = DateOption();
        var pain = new Option<bool>("--pain") { Description = "You felt pain (not effort) during this exercise: every set is marked with pain." };
        var notes = new Option<string?>("--notes") { Description = "Free text." };
        var sessionRpe = new Option<double?>("--session-rpe") { Description = "How hard the whole session felt, 1–10." };
        var unplanned = new Option<bool>("--unplanned") { Description = "Don't link the session to the plan's strength session that day." };
        var command = new Command("strength", "Log the sets of one exercise as a strength session.")
        {
            exercise, variant, sets, date, pain, notes, sessionRpe, unplanned, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var day = ParseDate(parse.GetValue(date));
            var painAll = parse.GetValue(pain);
            var inputs = (parse.GetValue(sets) ?? [])
                .Select((text, i) => SetNotation.Parse(text, i, parse.GetValue(exercise), parse.GetValue(variant)))
                .Select(s => painAll ? s with { Pain = true } : s)
                .ToArray();
            var request = new LogStrengthSession.Request
            {
                Date = day,
                Notes = parse.GetValue(notes),
                SessionRpe = parse.GetValue(sessionRpe),
                LinkToPlan = !parse.GetValue(unplanned),
                Sets = inputs,
            };
            var session = await LogAsync<StrengthSessionView>(parse, "api/log/strength", request,
                db => LogStrengthSession.HandleAsync(db, LocalRunner.Instance, CliApp.Clock, request, ct), ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(session);
                return CliApp.Ok;
            }

            var planned = session.PlannedSessionKey is { } key ? $" (planned session {key})" : " (unplanned)";
            AnsiConsole.MarkupLine($"Logged session {session.Id} on {session.Date:yyyy-MM-dd}{Output.Esc(planned)}: {Output.Esc(session.Summary)}");
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>Logs through the server's API when logged in (the same handler runs there), else in the local database.</summary>
    private static async Task<TView> LogAsync<TView>(
        ParseResult parse, string path, object request, Func<RunStrongDbContext, Task<TView>> local, CancellationToken ct)
    {
        using var api = RemoteMode.Connect(parse);
        if (api is not null)
        {
            return await api.PostJsonAsync<TView>(path, request, ct);
        }

        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var db = DataServices.CreateContext(target);
        return await local(db);
    }

    private static Command CreateRun()
    {
        var date = DateOption();
        var distance = new Option<string>("--distance") { Description = "10k, 5k, half, marathon, 8000 (metres) or 8.5k.", Required = true };
        var time = new Option<string>("--time") { Description = "Moving time, [h:]mm:ss.", Required = true };
        var type = new Option<string?>("--type") { Description = "easy, quality, long, race or hills (default easy). A race over a standard distance feeds predictions." };
        var rpe = new Option<double?>("--rpe") { Description = "How hard it felt, 1–10." };
        var command = new Command("run", "Log a run by hand.") { date, distance, time, type, rpe, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var day = ParseDate(parse.GetValue(date));
            var request = new LogRun.Request
            {
                Date = day,
                Distance = parse.GetValue(distance),
                Time = parse.GetValue(time),
                Type = parse.GetValue(type),
                Rpe = parse.GetValue(rpe),
            };
            var run = await LogAsync<LogRun.RunView>(parse, "api/log/runs", request,
                db => LogRun.HandleAsync(db, LocalRunner.Instance, CliApp.Clock, request, ct), ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(run);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine(run.Duplicate
                ? $"Already logged as run {run.Id}: {Output.Esc(run.Name)}"
                : $"Logged run {run.Id} on {run.Date:yyyy-MM-dd}: {Output.Esc(run.Name)}");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command CreateSoreness()
    {
        var date = DateOption();
        var area = new Option<string>("--area") { Description = "calves, hamstrings, quadriceps, glutes, hips, knees, shins, feet or lower-back.", Required = true };
        var score = new Option<int>("--score") { Description = "0 (nothing) to 10 (worst imaginable).", Required = true };
        var notes = new Option<string?>("--notes") { Description = "Free text." };
        var command = new Command("soreness", "Log how sore one body area is, 0–10.") { date, area, score, notes, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var day = ParseDate(parse.GetValue(date));
            var request = new LogSoreness.Request
            {
                Date = day,
                Area = parse.GetValue(area),
                Score = parse.GetValue(score),
                Notes = parse.GetValue(notes),
            };
            var checkIn = await LogAsync<LogSoreness.SorenessView>(parse, "api/log/soreness", request,
                db => LogSoreness.HandleAsync(db, LocalRunner.Instance, CliApp.Clock, request, ct), ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(checkIn);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"Logged {Output.Esc(checkIn.Area)} {checkIn.Score}/10 on {checkIn.Date:yyyy-MM-dd}.");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command CreateList()
    {
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD." };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD." };
        var command = new Command("list", "List the log by day: strength sessions, runs and soreness.") { from, to, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var request = new History.Request(ParseDate(parse.GetValue(from), "from"), ParseDate(parse.GetValue(to), "to"));
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var history = await History.HandleAsync(db, LocalRunner.Instance, request, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(history);
                return CliApp.Ok;
            }

            if (history.Days.Count == 0)
            {
                AnsiConsole.MarkupLine("The log is empty.");
                return CliApp.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("Date").AddColumn("Kind").AddColumn("Id").AddColumn("What");
            foreach (var day in history.Days)
            {
                var date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var s in day.Sessions)
                {
                    table.AddRow(date, s.PlannedSessionKey is null ? "strength" : "strength (planned)", s.Id.ToString(CultureInfo.InvariantCulture), Output.Esc(s.Summary));
                }

                foreach (var r in day.Runs)
                {
                    var rpe = r.Rpe is { } x ? string.Create(CultureInfo.InvariantCulture, $", RPE {x:0.#}") : "";
                    table.AddRow(date, "run", r.Id.ToString(CultureInfo.InvariantCulture),
                        Output.Esc(string.Create(CultureInfo.InvariantCulture, $"{r.DistanceMeters / 1000:0.##} km in {r.Time} ({r.Type ?? r.Format}{rpe})")));
                }

                foreach (var c in day.CheckIns)
                {
                    table.AddRow(date, "soreness", c.Id.ToString(CultureInfo.InvariantCulture), Output.Esc($"{c.Area} {c.Score}/10"));
                }
            }

            AnsiConsole.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }
}
