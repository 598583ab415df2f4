using System.CommandLine;
using RunStrong.Cli.Remote;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using Spectre.Console;
using static RunStrong.Features.Activities.ImportActivities;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong import PATH... [--json]</c>: activity files, folders, zips and Strava or Garmin exports into the
/// database, or uploads them to the server the user is logged in to (<see cref="RemoteMode"/>). Exit 0 when nothing failed, 2 when some files failed and others were read, 1 when every file failed.
/// </summary>
public static class ImportActivitiesCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files (FIT, GPX, TCX, .gz), folders, zip archives, a Strava or Garmin export (folder or zip).", Arity = ArgumentArity.OneOrMore };
        var date = new Option<string?>("--date") { Description = "The day files without times were recorded (YYYY-MM-DD): a planned route or a GPX of bare points has none; without it such files are refused." };
        var command = new Command("import", "Import activity files; files already imported are recognised and skipped. Exit 2 when some files failed.") { paths, date, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var given = parse.GetValue(paths)!;
            var options = new Options(ParseDate(parse.GetValue(date)));
            using var api = RemoteMode.Connect(parse);
            await using var db = api is null ? DataServices.CreateContext(await CliApp.OpenDatabaseAsync(parse, ct)) : null;
            var results = api is null
                ? FromPathsAsync(db!, LocalRunner.Instance, CliApp.Clock, given, options, ct)
                : RemoteImport.UploadAsync(api, given, options.DateForFilesWithoutTimes, ct);
            var json = parse.GetValue(CliApp.Json);
            var files = json ? (await CollectAsync(results, ct)).Files
                : Output.IsInteractive ? await WithProgressAsync(results, given, ct)
                : await WithLinesAsync(results, ct);
            var report = Report.From(files);
            if (json)
            {
                Output.WriteJson(report);
            }
            else
            {
                AnsiConsole.MarkupLine($"[bold]{report.Imported} imported[/], {report.Duplicates} already there, {report.Failed} failed, {report.Skipped} not activity files.");
                if (Output.IsInteractive)
                {
                    foreach (var logged in files.Where(f => f.Strength is not null))
                    {
                        AnsiConsole.MarkupLine($"  {Output.Esc(System.IO.Path.GetFileName(logged.Path))}{Output.Esc(Strength(logged))}");
                    }

                    foreach (var failed in files.Where(f => f.Status == FileStatus.Failed))
                    {
                        AnsiConsole.MarkupLine($"  [red]failed[/] {Output.Esc(failed.Error)}");
                    }

                    foreach (var warning in files.Where(f => f.Status == FileStatus.Imported).SelectMany(f => f.Warnings))
                    {
                        AnsiConsole.MarkupLine($"  [yellow]warning[/] {Output.Esc(warning)}");
                    }
                }
            }

            return report.Failed == 0 ? CliApp.Ok
                : report.Imported + report.Duplicates > 0 ? CliApp.PartlyFailed
                : CliApp.Failed;
        }));
        return command;
    }

    /// <summary>--date as YYYY-MM-DD; anything else is a user error naming the option.</summary>
    private static DateOnly? ParseDate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
        : throw new UserInputException("--date", $"--date: '{text.Trim()}' is not a day; write it as YYYY-MM-DD (2011-11-22)");

    /// <summary>", strength session 12: 6 sets on 2026-12-07 (2 to map: runstrong log map-garmin)" for a watch's strength activity.</summary>
    private static string Strength(FileResult result) => result.Strength is not { } s ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $", strength session {s.SessionId}: {s.Sets} sets on {s.Date:yyyy-MM-dd}{(s.UnmappedSets > 0 ? $" ({s.UnmappedSets} to map: runstrong log map-garmin)" : "")}{(s.MergeWithSessionId is { } hand ? $"; you logged session {hand} by hand that day too: runstrong log keep {s.SessionId} watch|mine|both" : "")}");

    /// <summary>Plain lines (output redirected): one per file, as each is done.</summary>
    private static async Task<List<FileResult>> WithLinesAsync(IAsyncEnumerable<FileResult> results, CancellationToken ct)
    {
        var files = new List<FileResult>();
        await foreach (var result in results.WithCancellation(ct))
        {
            files.Add(result);
            var status = result.Status.ToString().ToLowerInvariant();
            var detail = result.Status switch
            {
                FileStatus.Imported => $"activity {result.ActivityId}{Strength(result)}",
                _ => result.Error,
            };
            Console.Out.WriteLine($"{status,-9} {result.Path}{(detail is null ? "" : "  " + detail)}");

            // What the reader salvaged or doubted in a file it stored (a file cut short, a bad CRC), under its line.
            foreach (var warning in result.Status == FileStatus.Imported ? result.Warnings : [])
            {
                Console.Out.WriteLine($"{"",-9} warning: {warning}");
            }
        }

        return files;
    }

    /// <summary>A progress bar over the files and folders given (a person is watching): one step per file on disk.</summary>
    private static async Task<List<FileResult>> WithProgressAsync(IAsyncEnumerable<FileResult> results, string[] given, CancellationToken ct)
    {
        var total = given.Sum(CountDiskFiles);
        var files = new List<FileResult>();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing", maxValue: Math.Max(1, total));
                string? current = null;
                await foreach (var result in results.WithCancellation(ct))
                {
                    files.Add(result);
                    var diskFile = result.Path.Split('!')[0];
                    if (diskFile != current)
                    {
                        if (current is not null)
                        {
                            task.Increment(1);
                        }

                        current = diskFile;
                    }

                    task.Description = $"{files.Count(f => f.Status == FileStatus.Imported)} imported · {Output.Esc(Path.GetFileName(diskFile))}";
                }

                task.Value = task.MaxValue;
            });
        return files;
    }

    private static int CountDiskFiles(string path)
    {
        try
        {
            return Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", RunStrong.ActivityFiles.Archives.FolderWalk.Options(recurse: true)).Count()
                : 1;
        }
        catch (IOException)
        {
            return 1;
        }
    }
}
