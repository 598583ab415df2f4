using System.CommandLine;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Catalogue.Import;
using RunStrong.Features.Common;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong exercises import FILE... [--json]</c>: free-exercise-db or wger data into the catalogue, in any layout
/// <see cref="CatalogueImporter"/> reads. Each file is imported on its own: one that is refused is named on stderr and
/// the others are still imported. Exit 0 when all were imported, 2 when some were refused, 1 when all were.
/// With one FILE, --json writes its report; with several, an array of reports (a refused file: its path and error).
/// </summary>
public static class ImportCatalogueCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "free-exercise-db's exercises.json, one exercise's JSON file or its exercises/ folder; any of wger's fixture files "
                + "(its siblings are found beside it) or an older release's single exercises.json; a wger server's /api/v2/exerciseinfo/ JSON (one page or several).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Import an outside exercise catalogue; re-importing adds no duplicates. Exit 2 when some files were refused.") { files, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var paths = parse.GetValue(files)!;
            var json = parse.GetValue(CliApp.Json);
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            var reports = new List<object>();
            var failed = 0;
            foreach (var path in paths)
            {
                ImportExercises.Response result;
                try
                {
                    await using var db = DataServices.CreateContext(target);
                    result = await ImportExercises.HandleAsync(db, path, CliApp.Clock, ct);
                }
                catch (UserInputException e) when (paths.Length > 1)
                {
                    failed++;
                    CliApp.Fail(e.Message);
                    reports.Add(new { File = path, Error = e.Message });
                    continue;
                }

                reports.Add(result);
                if (!json)
                {
                    Show(result);
                }
            }

            if (json)
            {
                if (paths.Length == 1)
                {
                    Output.WriteJson(reports[0]);
                }
                else
                {
                    Output.WriteJson(reports);
                }
            }

            return failed == 0 ? CliApp.Ok : failed < paths.Length ? CliApp.PartlyFailed : CliApp.Failed;
        }));
        return command;
    }

    private static void Show(ImportExercises.Response result)
    {
        AnsiConsole.MarkupLine($"[bold]{Output.Esc(result.File)}[/] ({Output.Esc(result.Source)}): {result.Imported} imported, {result.Updated} updated, {result.Skipped} already present, {result.Unmapped} not mapped.");
        foreach (var warning in result.Warnings)
        {
            AnsiConsole.MarkupLine($"  [yellow]note:[/] {Output.Esc(warning)}");
        }

        foreach (var entry in result.UnmappedEntries.Take(20))
        {
            AnsiConsole.MarkupLine($"  [grey]not mapped:[/] {Output.Esc(entry.ToString())}");
        }

        if (result.UnmappedEntries.Count > 20)
        {
            AnsiConsole.MarkupLine($"  [grey]... and {result.UnmappedEntries.Count - 20} more (--json lists them all)[/]");
        }
    }
}
