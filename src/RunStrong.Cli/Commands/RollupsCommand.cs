using System.Globalization;
using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Features.Rollups;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong rollups rebuild [--json]</c>: builds every runner's dashboard rollups again from their log
/// (docs/decisions/0028-rollups.md). They are kept up to date on their own; this is for after restoring a database or
/// editing it by hand. Progress goes to stderr.
/// </summary>
public static class RollupsCommand
{
    public sealed record Summary(int Runners, int Weeks);

    public static Command Create()
    {
        var rebuild = new Command("rebuild", "Build every runner's dashboard rollups again from their log (after restoring or hand-editing the database).")
        {
            CliApp.Json,
        };
        rebuild.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var runners = await db.Runners.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
            var weeks = 0;
            foreach (var (runner, index) in runners.Select((r, i) => (r, i + 1)))
            {
                var progress = new ToStderr(p => Console.Error.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"rollups: runner {index} of {runners.Count} ({runner.Name}): {p.Done} of {p.Total} weeks")));
                weeks += await RunnerRollups.RebuildAsync(db, runner.Id, CliApp.Clock.GetUtcNow().UtcDateTime, progress, ct);
            }

            var summary = new Summary(runners.Count, weeks);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(summary);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[bold]Rollups rebuilt[/] for {summary.Runners} runner{(summary.Runners == 1 ? "" : "s")}: {summary.Weeks} weeks with training."));
            return CliApp.Ok;
        }));
        return new Command("rollups", "The weekly and monthly rollups the dashboard and the prediction trend read.") { rebuild };
    }

    /// <summary>Reports at once on the calling thread (Progress posts to the thread pool, which could print after the summary).</summary>
    private sealed class ToStderr(Action<(int Done, int Total)> write) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => write(value);
    }
}
