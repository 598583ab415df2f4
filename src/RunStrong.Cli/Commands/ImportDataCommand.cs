using System.CommandLine;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Portability;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong import-data FILE.zip [--json]</c>: a RunStrong export into this RunStrong; safe to repeat.</summary>
public static class ImportDataCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A zip written by `runstrong export` or the Your data page." };
        var command = new Command("import-data", "Import a RunStrong export (from this or another server); what is already here is kept and not duplicated.")
        {
            file, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UserInputException("FILE", $"{path}: no such file");
            }

            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            ImportRunnerData.Report report;
            await using (var zip = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            {
                report = await ImportRunnerData.HandleAsync(db, LocalRunner.Instance, CliApp.Clock, path, zip, ct);
            }

            // A damaged original file came in without its file: the rest is stored, and the exit says "partly".
            foreach (var problem in report.Problems)
            {
                Console.Error.WriteLine($"runstrong: warning: {problem}");
            }

            var exit = report.Problems.Count == 0 ? CliApp.Ok : CliApp.PartlyFailed;
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(report);
                return exit;
            }

            AnsiConsole.MarkupLine($"[bold]{Output.Esc(report.File)}[/] imported.");
            var table = new Table().AddColumn("What").AddColumn(new TableColumn("Added").RightAligned()).AddColumn(new TableColumn("Already here").RightAligned());
            static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            table.AddRow("Plans", N(report.Imported.Plans), N(report.Skipped.Plans));
            table.AddRow("Strength sessions", N(report.Imported.StrengthSessions), N(report.Skipped.StrengthSessions));
            table.AddRow("Sets", N(report.Imported.Sets), N(report.Skipped.Sets));
            table.AddRow("Soreness check-ins", N(report.Imported.SorenessCheckIns), N(report.Skipped.SorenessCheckIns));
            table.AddRow("Activities", N(report.Imported.Activities), N(report.Skipped.Activities));
            AnsiConsole.Write(table);
            return exit;
        }));
        return command;
    }
}
