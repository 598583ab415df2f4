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
        command.Subcommands.Add(CreateSession());
        command.Subcommands.Add(CreateEdit());
        command.Subcommands.Add(CreateDelete());
        command.Subcommands.Add(CreateKeep());
        command.Subcommands.Add(CreateMapGarmin());
        return command;
    }

    /// <summary><c>runstrong log session KEY [--status done|partly|skipped] [--reps N] [--seconds N] [--grade PERCENT]</c>.</summary>
    private static Command CreateSession()
    {
        var key = new Argument<string>("KEY") { Description = "The planned session's key: its day and index, such as 2026-12-08#1 (see `runstrong plan --format json`)." };
        var status = new Option<string?>("--status") { Description = "done (default), partly or skipped." };
        var reps = new Option<int?>("--reps") { Description = "Hill sprints run." };
        var seconds = new Option<int?>("--seconds") { Description = "Seconds of each sprint." };
        var grade = new Option<double?>("--grade") { Description = "The hill's grade, percent." };
        var notes = new Option<string?>("--notes") { Description = "Free text." };
        var command = new Command("session", "Log a planned hill-sprint or drills session: done, partly or skipped.") { key, status, reps, seconds, grade, notes, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var logged = await LogPlannedSession.HandleAsync(db, LocalRunner.Instance, CliApp.Clock, new LogPlannedSession.Request
            {
                PlannedSessionKey = parse.GetValue(key), Status = parse.GetValue(status), Reps = parse.GetValue(reps),
                Seconds = parse.GetValue(seconds), GradePercent = parse.GetValue(grade), Notes = parse.GetValue(notes),
            }, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(logged.Log);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"{Output.Esc(logged.Log.Summary)} on {logged.Log.Date:yyyy-MM-dd}{(logged.Created ? "" : " (replaces what was logged before)")}.");
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary><c>runstrong log edit set|strength|run|soreness ID [--field value ...]</c>: corrections.</summary>
    private static Command CreateEdit()
    {
        var command = new Command("edit", "Correct a logged set, strength session, run or soreness check-in (options left out keep their value).");

        var setId = new Argument<long>("ID") { Description = "The set's id (`runstrong log list --json`)." };
        var exercise = new Option<string?>("--exercise") { Description = "Another exercise (its variant, load and band start afresh)." };
        var variant = new Option<string?>("--variant") { Description = "The rung of its ladder." };
        var reps = new Option<int?>("--reps") { Description = "Reps." };
        var load = new Option<string?>("--load") { Description = "Load, such as 60kg or 135lb (a bare number is in your unit); empty removes it." };
        var band = new Option<string?>("--band") { Description = "light, medium or heavy; empty removes it." };
        var seconds = new Option<int?>("--seconds") { Description = "Seconds, for a hold." };
        var rpe = new Option<double?>("--rpe") { Description = "RPE, 1–10." };
        var pain = new Option<bool?>("--pain") { Description = "true or false." };
        var set = new Command("set", "Correct one logged set.") { setId, exercise, variant, reps, load, band, seconds, rpe, pain, CliApp.Json };
        set.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var changed = await EditLog.ChangeSetAsync(db, LocalRunner.Instance, parse.GetValue(setId), new EditLog.SetChange
            {
                Exercise = parse.GetValue(exercise), Variant = parse.GetValue(variant), Reps = parse.GetValue(reps), Load = parse.GetValue(load),
                Band = parse.GetValue(band), Seconds = parse.GetValue(seconds), Rpe = parse.GetValue(rpe), Pain = parse.GetValue(pain),
            }, ct);
            return Written(parse, changed, $"Set {changed.Id}: {changed.Exercise} ({changed.Variant}) {changed.Notation}");
        }));
        command.Subcommands.Add(set);

        var sessionId = new Argument<long>("ID") { Description = "The strength session's id." };
        var date = DateOption();
        var sessionRpe = new Option<double?>("--session-rpe") { Description = "How hard the whole session felt, 1–10." };
        var duration = new Option<double?>("--minutes") { Description = "How long it took, minutes." };
        var notes = new Option<string?>("--notes") { Description = "Free text; empty removes the notes." };
        var strength = new Command("strength", "Correct a strength session's day, session RPE, duration or notes.") { sessionId, date, sessionRpe, duration, notes, CliApp.Json };
        strength.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var changed = await EditLog.ChangeSessionAsync(db, LocalRunner.Instance, CliApp.Clock, parse.GetValue(sessionId),
                new EditLog.SessionChange(ParseDate(parse.GetValue(date)), parse.GetValue(sessionRpe), parse.GetValue(duration), parse.GetValue(notes)), ct);
            return Written(parse, changed, $"Strength session {changed.Id} on {changed.Date:yyyy-MM-dd}: {changed.Summary}");
        }));
        command.Subcommands.Add(strength);

        var runId = new Argument<long>("ID") { Description = "The run's id (an activity's id)." };
        var runDate = DateOption();
        var name = new Option<string?>("--name") { Description = "A name; empty goes back to the default." };
        var sport = new Option<string?>("--sport") { Description = "running, cycling, walking, hiking, swimming, training or other." };
        var type = new Option<string?>("--type") { Description = "easy, quality, long, race or hills." };
        var runRpe = new Option<double?>("--rpe") { Description = "Session RPE, 1–10." };
        var distance = new Option<string?>("--distance") { Description = "Runs entered by hand: 10k, 6.2mi, 8000." };
        var time = new Option<string?>("--time") { Description = "Runs entered by hand: [h:]mm:ss." };
        var run = new Command("run", "Correct a run or any activity: name, sport, type, RPE, day; distance and time of a run entered by hand.")
        {
            runId, runDate, name, sport, type, runRpe, distance, time,
        };
        run.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            await Features.Activities.EditActivity.HandleAsync(db, LocalRunner.Instance, CliApp.Clock, parse.GetValue(runId), new Features.Activities.EditActivity.Change(
                parse.GetValue(name), parse.GetValue(sport), parse.GetValue(type), parse.GetValue(runRpe), ParseDate(parse.GetValue(runDate)),
                parse.GetValue(distance), parse.GetValue(time)), ct);
            AnsiConsole.MarkupLine($"Activity {parse.GetValue(runId)} changed.");
            return CliApp.Ok;
        }));
        command.Subcommands.Add(run);

        var sorenessId = new Argument<long>("ID") { Description = "The check-in's id." };
        var sorenessDate = DateOption();
        var area = new Option<string?>("--area") { Description = "Body area." };
        var score = new Option<int?>("--score") { Description = "0–10." };
        var soreness = new Command("soreness", "Correct a soreness check-in.") { sorenessId, sorenessDate, area, score, CliApp.Json };
        soreness.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var changed = await EditLog.ChangeSorenessAsync(db, LocalRunner.Instance, CliApp.Clock, parse.GetValue(sorenessId),
                new EditLog.SorenessChange(ParseDate(parse.GetValue(sorenessDate)), parse.GetValue(area), parse.GetValue(score)), ct);
            return Written(parse, changed, $"Soreness {changed.Id} on {changed.Date:yyyy-MM-dd}: {changed.Area} {changed.Score}/10");
        }));
        command.Subcommands.Add(soreness);
        return command;
    }

    /// <summary><c>runstrong log keep ID watch|mine|both</c>: the choice for a watch session that duplicates one logged by hand.</summary>
    private static Command CreateKeep()
    {
        var id = new Argument<long>("ID") { Description = "The watch session's id (`runstrong import` prints it)." };
        var keep = new Argument<string>("KEEP") { Description = "watch (it replaces yours), mine (the watch's sets are deleted; the activity stays) or both." };
        var command = new Command("keep", "Choose between a strength session from your watch and the one you logged by hand that day.") { id, keep, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var result = await WatchStrength.ChooseAsync(db, LocalRunner.Instance, parse.GetValue(id), parse.GetValue(keep), ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(result);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine(result.Keep switch
            {
                "watch" => $"Kept the watch's session {result.WatchSessionId}; yours is deleted.",
                "mine" => $"Kept your session {result.HandSessionId}; the watch's sets are deleted (the activity stays).",
                _ => $"Kept both: your session {result.HandSessionId} and the watch's {result.WatchSessionId}.",
            });
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary><c>runstrong log map-garmin [NAME --exercise SLUG [--variant SLUG]]</c>: list or map Garmin exercise names.</summary>
    private static Command CreateMapGarmin()
    {
        var name = new Argument<string?>("NAME") { Description = "A Garmin exercise as category/name (bench-press/barbell-bench-press); left out, the names are listed.", Arity = ArgumentArity.ZeroOrOne };
        var exercise = new Option<string?>("--exercise") { Description = "The catalogue exercise it is (slug)." };
        var variant = new Option<string?>("--variant") { Description = "Its rung (slug); the first rung when left out." };
        var command = new Command("map-garmin", "Map a Garmin exercise name on sets from your watch to a catalogue exercise, once: its sets take it and later imports use it. Without NAME, list the names waiting and mapped.")
            { name, exercise, variant, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var garmin = parse.GetValue(name);
            if (string.IsNullOrWhiteSpace(garmin))
            {
                var names = await WatchStrength.NamesAsync(db, LocalRunner.Instance, ct);
                if (parse.GetValue(CliApp.Json))
                {
                    Output.WriteJson(names);
                    return CliApp.Ok;
                }

                foreach (var n in names)
                {
                    Console.Out.WriteLine(n.UnmappedSets > 0
                        ? $"{n.Garmin}  {n.UnmappedSets} set(s) waiting: {n.Label}"
                        : $"{n.Garmin}  mapped to {n.Exercise} ({n.Variant})");
                }

                return CliApp.Ok;
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(exercise)))
            {
                throw new Features.Common.UserInputException("--exercise", "--exercise: say which catalogue exercise it is (runstrong exercises lists them)");
            }

            var sets = await WatchStrength.MapAsync(db, LocalRunner.Instance, CliApp.Clock, garmin, parse.GetValue(exercise), parse.GetValue(variant), ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(new { garmin = garmin.Trim(), exercise = parse.GetValue(exercise), variant = parse.GetValue(variant), sets });
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"{Output.Esc(garmin.Trim())} is now {Output.Esc(parse.GetValue(exercise)!)}: {sets} set(s) changed.");
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary><c>runstrong log delete set|strength|run|soreness|session ID</c>.</summary>
    private static Command CreateDelete()
    {
        var command = new Command("delete", "Delete a logged set, strength session, run entered by hand, soreness check-in or hill-sprint/drills log.");
        foreach (var (kind, description) in new[]
        {
            ("set", "one logged set"), ("strength", "a strength session and its sets"), ("run", "a run entered by hand (imported ones: delete the activity)"),
            ("soreness", "a soreness check-in"), ("session", "what was logged of a planned hill-sprint or drills session"),
        })
        {
            var id = new Argument<long>("ID") { Description = "Its id (`runstrong log list --json`)." };
            var sub = new Command(kind, "Delete " + description + ".") { id };
            sub.SetAction((parse, ct) => CliApp.Guard(async () =>
            {
                var target = await CliApp.OpenDatabaseAsync(parse, ct);
                await using var db = DataServices.CreateContext(target);
                var runner = LocalRunner.Instance;
                var which = parse.GetValue(id);
                await (kind switch
                {
                    "set" => EditLog.DeleteSetAsync(db, runner, which, ct),
                    "strength" => History.DeleteSessionAsync(db, runner, which, ct),
                    "run" => History.DeleteRunAsync(db, runner, which, ct),
                    "soreness" => History.DeleteCheckInAsync(db, runner, which, ct),
                    _ => LogPlannedSession.DeleteAsync(db, runner, which, ct),
                });
                AnsiConsole.MarkupLine($"Deleted {kind} {which.ToString(CultureInfo.InvariantCulture)}.");
                return CliApp.Ok;
            }));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static int Written<T>(ParseResult parse, T value, string line)
    {
        if (parse.GetValue(CliApp.Json))
        {
            Output.WriteJson(value);
        }
        else
        {
            AnsiConsole.MarkupLine(Output.Esc(line));
        }

        return CliApp.Ok;
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
        var before = new Option<string?>("--before") { Description = "Only days before this one, YYYY-MM-DD (the next page of an earlier list)." };
        var limit = new Option<int?>("--limit") { Description = $"At most this many days (1-{Features.Common.DayPages.MaxLimit}, default {History.DefaultDays})." };
        var command = new Command("list", "List the log by day, newest first: strength sessions, runs, hill-sprint and drills sessions, soreness.")
        {
            from, to, before, limit, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var request = new History.Request(ParseDate(parse.GetValue(from), "from"), ParseDate(parse.GetValue(to), "to"),
                ParseDate(parse.GetValue(before), "before"), parse.GetValue(limit));
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
                AnsiConsole.MarkupLine(request.Before is null ? "The log is empty." : "Nothing logged before that day.");
                return CliApp.Ok;
            }

            var units = await Features.Settings.RunnerPreferences.GetAsync(db, LocalRunner.Instance, ct);
            var catalogue = await new Features.Catalogue.ExerciseCatalogue(db).AllAsync(ct);
            var table = new Table().Border(TableBorder.Simple).AddColumn("Date").AddColumn("Kind").AddColumn("Id").AddColumn("What");
            foreach (var day in history.Days)
            {
                var date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var s in day.Sessions)
                {
                    table.AddRow(date, s.PlannedSessionKey is null ? "strength" : "strength (planned)", s.Id.ToString(CultureInfo.InvariantCulture),
                        Output.Esc(SetWords.Session(catalogue, s.Sets, units)));
                }

                foreach (var l in day.PlannedSessions ?? [])
                {
                    table.AddRow(date, l.Kind, l.Id.ToString(CultureInfo.InvariantCulture), Output.Esc(l.Summary));
                }

                foreach (var r in day.Runs)
                {
                    var rpe = r.Rpe is { } x ? string.Create(CultureInfo.InvariantCulture, $", RPE {x:0.#}") : "";
                    table.AddRow(date, "run", r.Id.ToString(CultureInfo.InvariantCulture),
                        Output.Esc($"{units.ShowDistance(r.DistanceMeters)} in {r.Time} ({r.Type ?? r.Format}{rpe})"));
                }

                foreach (var c in day.CheckIns)
                {
                    table.AddRow(date, "soreness", c.Id.ToString(CultureInfo.InvariantCulture), Output.Esc($"{c.Area} {c.Score}/10"));
                }
            }

            AnsiConsole.Write(table);
            if (history.NextBefore is { } next)
            {
                AnsiConsole.MarkupLine($"[grey]Older days: runstrong log list --before {next:yyyy-MM-dd}[/]");
            }

            return CliApp.Ok;
        }));
        return command;
    }
}
