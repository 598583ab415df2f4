using System.CommandLine;
using System.Globalization;
using RunStrong.Data;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Plans;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong plan --profile FILE.json [--start YYYY-MM-DD] [--weeks N] [--format table|json|ics] [--out FILE]</c>,
/// <c>runstrong plan save --profile FILE --name N</c> and <c>runstrong plans</c>.
/// </summary>
public static class PlanCommand
{
    private static readonly string[] Formats = ["table", "json", "ics"];

    public static Command Create()
    {
        var profile = ProfileOption();
        var start = StartOption();
        var weeks = WeeksOption();
        var format = new Option<string>("--format") { HelpName = "table|json|ics", Description = "table (80 columns, for people), json or ics (iCalendar).", DefaultValueFactory = _ => "table" };
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "Write to this file instead of stdout." };
        var command = new Command("plan", "Write a strength, hill-sprint and drills plan around your running week, toward your race. Uses the built-in and imported exercises of the --db catalogue.")
        {
            profile, start, weeks, format, output,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var chosen = (parse.GetValue(format) ?? "table").Trim().ToLowerInvariant();
            if (!Formats.Contains(chosen))
            {
                throw new UserInputException("--format", $"--format: unknown format '{parse.GetValue(format)}'; expected table, json or ics");
            }

            var json = ReadProfile(parse.GetValue(profile));
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var preview = await InFile(json.Path, () => PreviewPlan.HandleAsync(new ExerciseCatalogue(db), CliApp.Clock,
                new PreviewPlan.Request(json.Text, ParseStart(parse.GetValue(start)), parse.GetValue(weeks)), ct));
            var text = chosen switch
            {
                "json" => PlanJson.Serialize(preview.Plan, indented: true) + "\n",
                "ics" => PlanCalendar.ToIcs(preview.Plan, PlanInput.NameFor(null, new CheckedProfile(preview.Profile, json.Text, preview.Start, preview.Profile.Race is null ? preview.Profile.Weeks : null))),
                _ => PlanTable.Render(preview.Plan),
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
