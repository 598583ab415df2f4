using System.CommandLine;
using System.Globalization;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;
using RunStrong.Features.Settings;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong plan --profile FILE.json [--start YYYY-MM-DD] [--weeks N] [--format table|json|ics|fit] [--out FILE|DIR]</c>
/// (or <c>--plan ID</c> for a saved plan), <c>runstrong plan save --profile FILE --name N</c> and <c>runstrong plans</c>.
/// <c>--format fit</c> writes one FIT workout per strength, hill-sprint and drills session into the folder --out names.
/// </summary>
public static class PlanCommand
{
    private static readonly string[] Formats = ["table", "json", "ics", "fit"];

    public static Command Create()
    {
        var profile = ProfileOption();
        var start = StartOption();
        var weeks = WeeksOption();
        var format = new Option<string>("--format")
        {
            HelpName = "table|json|ics|fit",
            Description = "table (80 columns, for people), json, ics (iCalendar) or fit (a FIT workout per session for a watch, into the folder --out names).",
            DefaultValueFactory = _ => "table",
        };
        var output = new Option<string?>("--out") { HelpName = "FILE|DIR", Description = "Write to this file instead of stdout; for --format fit, the folder for the .fit files." };
        var saved = new Option<long?>("--plan") { HelpName = "ID", Description = "A saved plan (runstrong plans lists them) instead of --profile, as it stands today with your log." };
        var command = new Command("plan", "Write a strength, hill-sprint and drills plan around your running week, toward your race. Uses the built-in and imported exercises of the --db catalogue.")
        {
            profile, start, weeks, format, output, saved,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var chosen = (parse.GetValue(format) ?? "table").Trim().ToLowerInvariant();
            if (!Formats.Contains(chosen))
            {
                throw new UserInputException("--format", $"--format: unknown format '{parse.GetValue(format)}'; expected table, json, ics or fit");
            }

            if (chosen == "fit" && string.IsNullOrWhiteSpace(parse.GetValue(output)))
            {
                throw new UserInputException("--out", "--out: --format fit writes one .fit file per session: give the folder to write them to (--out DIR)");
            }

            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var catalogue = new ExerciseCatalogue(db);
            Plan plan;
            PlanFollow? follow = null;
            RunStrong.Domain.Training.MassUnit? unit = null;
            string name;
            if (parse.GetValue(saved) is { } id)
            {
                if (parse.GetValue(profile) is not null || parse.GetValue(start) is not null || parse.GetValue(weeks) is not null)
                {
                    throw new UserInputException("--plan", "--plan: a saved plan has its own profile, start and weeks; leave out --profile, --start and --weeks");
                }

                var stored = await GetPlan.HandleAsync(db, catalogue, LocalRunner.Instance, CliApp.Clock, id, ct);
                (plan, name, follow) = (stored.Plan, stored.Name, stored.Follow);
                // A saved plan reads in the runner's current weight unit; a profile's preview in the profile's own.
                unit = (await RunnerPreferences.GetAsync(db, LocalRunner.Instance, ct)).Weight;
            }
            else
            {
                var json = ReadProfile(parse.GetValue(profile));
                // The runner's today and, for a profile without units, the runner's units (runstrong settings).
                var runnersSettings = await RunnerPreferences.GetAsync(db, LocalRunner.Instance, ct);
                var preview = await InFile(json.Path, () => PreviewPlan.HandleAsync(catalogue, CliApp.Clock,
                    new PreviewPlan.Request(json.Text, ParseStart(parse.GetValue(start)), parse.GetValue(weeks), runnersSettings), ct));
                plan = preview.Plan;
                name = PlanInput.NameFor(null, new CheckedProfile(preview.Profile, json.Text, preview.Start, preview.Profile.Race is null ? preview.Profile.Weeks : null));
            }

            if (chosen == "fit")
            {
                var files = await PlanWorkouts.ForDaysAsync(plan.Days, catalogue, CliApp.Clock, ct);
                WriteFiles(parse.GetValue(output)!, files);
                return CliApp.Ok;
            }

            var text = chosen switch
            {
                "json" => PlanJson.Serialize(plan, indented: true) + "\n",
                "ics" => PlanCalendar.ToIcs(plan, name),
                _ => PlanTable.Render(plan, follow, unit),
            };
            await WriteAsync(parse.GetValue(output), text, ct);
            return CliApp.Ok;
        }));

        command.Subcommands.Add(CreateSave());
        return command;
    }

    /// <summary><c>runstrong plans [--json]</c>: the stored plans.</summary>
    public static Command CreateList()
    {
        var command = new Command("plans", "List your stored plans.") { CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var plans = await ListPlans.HandleAsync(db, LocalRunner.Instance, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(plans);
                return CliApp.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("Id").AddColumn("Name").AddColumn("Start").AddColumn("Weeks");
            foreach (var p in plans)
            {
                table.AddRow(p.Id.ToString(CultureInfo.InvariantCulture), Output.Esc(p.Name), p.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    p.Weeks?.ToString(CultureInfo.InvariantCulture) ?? "to race");
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{plans.Count} plan{(plans.Count == 1 ? "" : "s")}[/]");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command CreateSave()
    {
        var profile = ProfileOption();
        var start = StartOption();
        var weeks = WeeksOption();
        var name = new Option<string?>("--name") { HelpName = "NAME", Description = "The plan's name (default: from the race or the start)." };
        var command = new Command("save", "Store a plan in the database (it then has a web page and a calendar URL).") { profile, start, weeks, name, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var json = ReadProfile(parse.GetValue(profile));
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var created = await InFile(json.Path, () => CreatePlan.HandleAsync(db, LocalRunner.Instance, CliApp.Clock,
                new CreatePlan.Request(parse.GetValue(name), json.Text, ParseStart(parse.GetValue(start)), parse.GetValue(weeks)), ct));
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(new { created.Id, created.Name });
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"Saved plan [bold]{created.Id}[/]: {Output.Esc(created.Name)}");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Option<string?> ProfileOption() =>
        new("--profile") { HelpName = "FILE.json", Description = "The runner profile, a JSON file: {\"experience\": \"none\", \"equipment\": [...], \"week\": {\"mon\": \"rest\", ...}, \"race\": {...}}." };

    private static Option<string?> StartOption() => new("--start") { HelpName = "YYYY-MM-DD", Description = "First day, YYYY-MM-DD (default: the profile's start, else today)." };

    private static Option<int?> WeeksOption() => new("--weeks") { HelpName = "N", Description = "Number of weeks, for a plan without a race (default 12)." };

    private static (string Path, string Text) ReadProfile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UserInputException("--profile", "--profile: required, the runner profile JSON file");
        }

        try
        {
            return (path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UserInputException("--profile", $"--profile: cannot read {path}: {e.Message}");
        }
    }

    /// <summary>Says which file a profile problem is in: <c>plan.json: race.date: ...</c> (option problems already name the option).</summary>
    private static async Task<T> InFile<T>(string path, Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (UserInputException e) when (!e.Field.StartsWith("--", StringComparison.Ordinal) && !e.NotFound)
        {
            throw new UserInputException(e.Field, $"{path}: {e.Message}");
        }
    }

    private static DateOnly? ParseStart(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UserInputException("--start", $"--start: '{text}' is not a date; expected YYYY-MM-DD");

    /// <summary>Writes the workout files into <paramref name="folder"/> (made if missing) and lists them.</summary>
    private static void WriteFiles(string folder, IReadOnlyList<PlanWorkouts.WorkoutFile> files)
    {
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                File.WriteAllBytes(Path.Combine(folder, file.Name), file.Bytes);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UserInputException("--out", $"--out: cannot write the workouts into {folder}: {e.Message}");
        }

        foreach (var file in files)
        {
            Console.Out.WriteLine(Path.Combine(folder, file.Name));
        }

        Console.Error.WriteLine($"{files.Count} workout{(files.Count == 1 ? "" : "s")} written to {folder}");
    }

    private static async Task WriteAsync(string? path, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await Console.Out.WriteAsync(text);
            return;
        }

        try
        {
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UserInputException("--out", $"--out: cannot write {path}: {e.Message}");
        }
    }
}
