using System.CommandLine;
using RunStrong.Cli.Remote;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Portability;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong export --out FILE.zip [--json]</c>: everything the runner owns, with the original activity files;
/// from the server the user is logged in to, if any.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "The zip to write (replaced if it exists).",
            Required = true,
        };
        var command = new Command("export", "Export all your data (plans, strength log, soreness, activities with their original files) as a zip another RunStrong can import.")
        {
            output, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            {
                throw new UserInputException("--out", $"{path}: the folder {folder} does not exist");
            }

            using var api = RemoteMode.Connect(parse);
            if (api is not null)
            {
                return await DownloadAsync(api, path, parse.GetValue(CliApp.Json), ct);
            }

            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);

            // Written beside the target and moved into place, so a failed export never leaves half a zip under the name.
            var partial = path + ".partial";
            ExportRunnerData.Summary summary;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                summary = await ExportRunnerData.WriteAsync(db, LocalRunner.Instance, CliApp.Clock, file, ct);
            }

            File.Move(partial, path, overwrite: true);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(new { file = path, summary });
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"[bold]Exported[/] to {Output.Esc(path)}:");
            AnsiConsole.MarkupLine($"{summary.Plans} plans, {summary.StrengthSessions} strength sessions ({summary.Sets} sets), {summary.SorenessCheckIns} soreness check-ins, {summary.Activities} activities ({summary.ActivityFiles} original files).");
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>The server's export of the logged-in account (GET api/export), written the same careful way.</summary>
    private static async Task<int> DownloadAsync(ApiClient api, string path, bool json, CancellationToken ct)
    {
        var partial = path + ".partial";
        long bytes;
        try
        {
            await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            bytes = await api.DownloadAsync("api/export", file, ct);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, path, overwrite: true);
        if (json)
        {
            Output.WriteJson(new { file = path, server = api.ServerName, bytes });
            return CliApp.Ok;
        }

        Console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Exported your data on {api.ServerName} to {path} ({bytes / 1024.0:0.#} KB)."));
        return CliApp.Ok;
    }
}
