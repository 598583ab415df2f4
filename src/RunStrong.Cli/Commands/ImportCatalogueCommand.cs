using System.CommandLine;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong exercises import FILE [--json]</c>: free-exercise-db or wger data into the catalogue.</summary>
public static class ImportCatalogueCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "free-exercise-db's exercises.json (or one exercise's JSON file), or any of wger's exercise fixture files (its siblings are found beside it).",
        };
        var command = new Command("import", "Import an outside exercise catalogue; re-importing adds no duplicates.") { file, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var result = await ImportExercises.HandleAsync(db, parse.GetValue(file)!, CliApp.Clock, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(result);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"[bold]{Output.Esc(result.Source)}[/]: {result.Imported} imported, {result.Updated} updated, {result.Skipped} already present, {result.Unmapped} not mapped.");
            foreach (var entry in result.UnmappedEntries.Take(20))
            {
                AnsiConsole.MarkupLine($"  [grey]not mapped:[/] {Output.Esc(entry.ToString())}");
            }

            if (result.UnmappedEntries.Count > 20)
            {
                AnsiConsole.MarkupLine($"  [grey]... and {result.UnmappedEntries.Count - 20} more (--json lists them all)[/]");
            }

            return CliApp.Ok;
        }));
        return command;
    }
}
