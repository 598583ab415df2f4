using System.CommandLine;

namespace RunStrong.Cli.Remote;

/// <summary>
/// The one place that decides whether a command talks to a server or to the local database. Remote when the user has
/// logged in (<c>runstrong login</c>) or set RUNSTRONG_SERVER and RUNSTRONG_TOKEN, unless <c>--db</c> is given:
/// <c>--db</c> always means the local database. Commands with no remote form still work locally and say so
/// (<see cref="NoteLocal"/>), so nobody mistakes a local change for one on the server.
/// </summary>
public static class RemoteMode
{
    /// <summary>A client for the server in force, or null when the command should use the local database.</summary>
    public static ApiClient? Connect(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return UsesLocalDatabase(parse) || Credentials.Load() is not { } credentials ? null : ApiClient.For(credentials);
    }

    /// <summary>
    /// Called whenever a command opens the local database: when the user is logged in to a server (and did not ask for
    /// the local database with --db), one line on stderr says that this command works on the local database.
    /// </summary>
    public static void NoteLocal(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (UsesLocalDatabase(parse) || Credentials.Load() is not { } credentials)
        {
            return;
        }

        Console.Error.WriteLine(
            $"runstrong: note: `{CommandName(parse)}` works on the local database only, not on {credentials.Server.TrimEnd('/')} " +
            "where you are logged in (docs/cli-remote.md); add --db to silence this note.");
    }

    private static bool UsesLocalDatabase(ParseResult parse) => !string.IsNullOrWhiteSpace(parse.GetValue(CliApp.Db));

    /// <summary>The command as typed, without the program: <c>exercises show</c>.</summary>
    public static string CommandName(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
