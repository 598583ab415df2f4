using System.CommandLine;
using System.CommandLine.Invocation;
using Npgsql;
using RunStrong.Cli.Commands;
using RunStrong.Data;
using RunStrong.Features.Common;

namespace RunStrong.Cli;

/// <summary>
/// The <c>runstrong</c> command. Exit codes: 0 success, 1 bad input or a failed operation (one line on stderr saying
/// what was wrong), 2 a batch where some items failed and the rest succeeded.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int PartlyFailed = 2;

    /// <summary>Recursive so it can stand anywhere on the line: <c>runstrong exercises --db FILE</c>.</summary>
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Database: a SQLite file path, or a PostgreSQL connection string starting Host=. Default: RUNSTRONG_DB, else the per-user SQLite file.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Write JSON to stdout, for scripts." };

    /// <summary>
    /// The command's clock: the system clock, or the test-only <c>RUNSTRONG_TEST_CLOCK</c> when DOTNET_ENVIRONMENT is
    /// Testing (see <see cref="Clocks"/>). One process runs one command, so it is read once, at start.
    /// </summary>
    public static TimeProvider Clock { get; private set; } = TimeProvider.System;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            Clock = Clocks.FromSetting(Environment.GetEnvironmentVariable(Clocks.EnvironmentVariable), EnvironmentName());
        }
        catch (UserInputException e)
        {
            return Fail(e.Message);
        }

        var root = new RootCommand("RunStrong: strength, hills and drills for distance runners.");
        root.Options.Add(Db);
        root.Subcommands.Add(ExercisesCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(RollupsCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(PlanCommand.CreateList());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(ImportActivitiesCommand.Create());
        root.Subcommands.Add(ActivitiesCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(LogCommand.Create());
        root.Subcommands.Add(NextCommand.Create());
        root.Subcommands.Add(SettingsCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportDataCommand.Create());
        root.Subcommands.Add(DeleteMyDataCommand.Create());
        root.Subcommands.Add(AccountsCommand.Create());
        root.Subcommands.Add(LoginCommand.Create());
        root.Subcommands.Add(LoginCommand.CreateLogout());
        root.Subcommands.Add(LoginCommand.CreateWhoami());
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // One line per mistake, in the user's words ("--rpe: expected a number, got "abc""), and no help text after
            // it: System.CommandLine's own message names the .NET type (System.Nullable`1[System.Double]).
            foreach (var error in parse.Errors)
            {
                Fail(ParseErrors.Describe(error));
            }

            return Failed;
        }

        return await parse.InvokeAsync();
    }

    /// <summary>The environment the command runs in: DOTNET_ENVIRONMENT, else Production, as for the web app.</summary>
    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : "Production";

    /// <summary>Runs a command body, turning the errors a user can cause into one line on stderr and exit code 1.</summary>
    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (UserInputException e)
        {
            return Fail(e.Message);
        }
        catch (NpgsqlException e)
        {
            return Fail($"cannot use the PostgreSQL database: {e.Message}");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return Fail($"cannot use the SQLite database: {e.Message}");
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"runstrong: {message}");
        return Failed;
    }

    /// <summary>The database the user chose, migrated and ready.</summary>
    public static async Task<DatabaseTarget> OpenDatabaseAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        Remote.RemoteMode.NoteLocal(parse);
        var target = DatabaseTarget.Resolve(parse.GetValue(Db));
        await DataServices.MigrateAsync(target, cancellationToken);
        return target;
    }
}
