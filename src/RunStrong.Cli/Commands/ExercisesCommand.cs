using System.CommandLine;
using RunStrong.Cli.Remote;
using RunStrong.Data;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong exercises [--muscle M] [--equipment E] [--location L] [--json]</c> and its subcommands.</summary>
public static class ExercisesCommand
{
    /// <summary>How the built-in catalogue's provenance reads in an <see cref="ExerciseView"/> (local or from a server).</summary>
    private static readonly SourceView BuiltInSource = new(
        ExerciseSource.BuiltIn.Name, ExerciseSource.BuiltIn.ExternalId, ExerciseSource.BuiltIn.Licence, ExerciseSource.BuiltIn.Author, ExerciseSource.BuiltIn.Url);

    public static Command Create()
    {
        var muscle = new Option<string?>("--muscle") { Description = $"A muscle: {string.Join(", ", Kebab.Names<Muscle>())}." };
        var equipment = new Option<string?>("--equipment") { Description = $"Equipment: {string.Join(", ", Kebab.Names<Equipment>())}." };
        var location = new Option<string?>("--location") { Description = "home, gym or outdoors." };
        var search = new Option<string?>("--search") { Description = "Text in the exercise's name." };
        var command = new Command("exercises", "List the exercise catalogue, filtered.") { muscle, equipment, location, search, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var request = new ListExercises.Request(parse.GetValue(muscle), parse.GetValue(equipment), parse.GetValue(location), parse.GetValue(search));
            var exercises = await ListAsync(parse, request, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(exercises);
            }
            else
            {
                WriteTable(exercises);
            }

            return CliApp.Ok;
        }));

        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(ImportCatalogueCommand.Create());
        return command;
    }

    private static Command CreateShow()
    {
        var slug = new Argument<string>("SLUG") { Description = "The exercise's slug, e.g. hip-thrust." };
        var command = new Command("show", "Show one exercise: how to do it and its progression ladder.") { slug, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var exercise = await GetAsync(parse, parse.GetValue(slug)!, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(exercise);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"[bold]{Output.Esc(exercise.Name)}[/] ({Output.Esc(exercise.Slug)})");
            AnsiConsole.MarkupLine($"Main muscles: {Output.Esc(string.Join(", ", exercise.PrimaryMuscles))}");
            AnsiConsole.MarkupLine($"Movement: {Output.Esc(string.Join(", ", exercise.JointActions))}");
            foreach (var cue in exercise.Cues)
            {
                AnsiConsole.MarkupLine($"  - {Output.Esc(cue)}");
            }

            AnsiConsole.MarkupLine("Progression:");
            var rung = 1;
            foreach (var variant in exercise.Variants)
            {
                AnsiConsole.MarkupLine($"  {rung++}. {Output.Esc(variant.Name)} [grey]({Output.Esc(string.Join(" + ", variant.Equipment))})[/]");
            }

            if (exercise.Source != BuiltInSource)
            {
                // Imported entries keep their source's licence terms; Creative Commons ones require this attribution.
                var source = exercise.Source;
                var by = source.Author is { Length: > 0 } author ? $", by {author}" : "";
                var url = source.Url is { Length: > 0 } link ? $" {link}" : "";
                AnsiConsole.MarkupLine($"[grey]Source: {Output.Esc(source.Name)} ({Output.Esc(source.Licence ?? "licence not stated")}){Output.Esc(by)}{Output.Esc(url)}[/]");
            }

            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>One exercise from the server the user is logged in to, else from the local catalogue.</summary>
    private static async Task<ExerciseView> GetAsync(ParseResult parse, string slug, CancellationToken ct)
    {
        using var api = RemoteMode.Connect(parse);
        if (api is not null)
        {
            return await api.GetJsonAsync<ExerciseView>("api/exercises/" + Uri.EscapeDataString(slug), ct);
        }

        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var db = DataServices.CreateContext(target);
        return ExerciseView.From(await new ExerciseCatalogue(db).GetAsync(slug, ct));
    }

    /// <summary>From the server the user is logged in to (its catalogue, with what its owner imported), else the local one.</summary>
    private static async Task<IReadOnlyList<ExerciseView>> ListAsync(ParseResult parse, ListExercises.Request request, CancellationToken ct)
    {
        using var api = RemoteMode.Connect(parse);
        if (api is not null)
        {
            var query = new[] { ("muscle", request.Muscle), ("equipment", request.Equipment), ("location", request.Location), ("q", request.Search) }
                .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
                .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")
                .ToArray();
            return await api.GetJsonAsync<ExerciseView[]>("api/exercises" + (query.Length > 0 ? "?" + string.Join('&', query) : ""), ct);
        }

        var target = await CliApp.OpenDatabaseAsync(parse, ct);
        await using var db = DataServices.CreateContext(target);
        return (await ListExercises.HandleAsync(new ExerciseCatalogue(db), request, ct)).Select(ExerciseView.From).ToArray();
    }

    private static void WriteTable(IReadOnlyList<ExerciseView> exercises)
    {
        // Fits an 80-column terminal: the slug (what `exercises show` takes) sits under the name instead of in a
        // column of its own, and muscles are shortened (gluteus-maximus -> glute max).
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("Exercise").NoWrap())
            .AddColumn("Main muscles")
            .AddColumn("Equipment")
            .AddColumn("Where");
        foreach (var e in exercises)
        {
            table.AddRow(
                $"{Output.Esc(e.Name)}\n[grey]{Output.Esc(e.Slug)}[/]",
                Output.Esc(string.Join(", ", e.PrimaryMuscles.Select(ShortMuscle))),
                Output.Esc(string.Join(", ", e.Equipment)),
                Output.Esc(string.Join(", ", e.Locations)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{exercises.Count} exercises. Details: runstrong exercises show SLUG[/]");
    }

    private static string ShortMuscle(string muscle) => muscle switch
    {
        "gluteus-maximus" => "glute max",
        "gluteus-medius" => "glute med",
        "gluteus-minimus" => "glute min",
        _ => muscle,
    };
}
