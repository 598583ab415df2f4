using System.CommandLine;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Portability;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary><c>runstrong delete-my-data --yes [--json]</c>: deletes everything the runner owns; refuses without --yes.</summary>
public static class DeleteMyDataCommand
{
    public static Command Create()
    {
        var yes = new Option<bool>("--yes") { Description = "Confirm: delete all your plans, logs, check-ins and activities. There is no undo; export first." };
        var command = new Command("delete-my-data", "Delete all your data (plans, strength log, soreness, activities and their files). The exercise catalogue stays.")
        {
            yes, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            if (!parse.GetValue(yes))
            {
                throw new UserInputException("--yes", "delete-my-data deletes all your data and cannot be undone; run `runstrong export --out FILE.zip` first, then add --yes");
            }

            var target = await CliApp.OpenDatabaseAsync(parse, ct);
            await using var db = DataServices.CreateContext(target);
            var summary = await DeleteRunnerData.HandleAsync(db, LocalRunner.Instance, ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(summary);
                return CliApp.Ok;
            }

            AnsiConsole.MarkupLine($"[bold]Deleted[/] {summary.Plans} plans, {summary.StrengthSessions} strength sessions ({summary.Sets} sets), {summary.SorenessCheckIns} soreness check-ins and {summary.Activities} activities.");
            return CliApp.Ok;
        }));
        return command;
    }
}
