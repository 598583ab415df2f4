using System.CommandLine;
using RunStrong.Cli.Remote;
using RunStrong.Features.Accounts;
using RunStrong.Features.Common;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong login URL [--token T]</c>, <c>runstrong logout</c> and <c>runstrong whoami</c>: the CLI and a RunStrong
/// server (docs/cli-remote.md). The token is asked for with a hidden prompt on a terminal, read from stdin when it is
/// piped, or given with --token; it is checked against the server before it is saved.
/// </summary>
public static class LoginCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("URL") { Description = "The server's address, such as https://runstrong.example.org." };
        var token = new Option<string?>("--token")
        {
            Description = "The personal access token (rs_…) made at URL/account/tokens. Left out: read from stdin when piped, else asked for without echo.",
        };
        var command = new Command("login", "Log in to a RunStrong server with a personal access token; then import, activities, predict, export and exercises use it.")
        {
            url, token, CliApp.Json,
        };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var server = ServerUrl.Parse(parse.GetValue(url), "URL");
            var secret = (parse.GetValue(token) ?? await ReadTokenAsync(server, ct)).Trim();
            if (!secret.StartsWith(AccessTokens.TokenPrefix, StringComparison.Ordinal))
            {
                throw new UserInputException("token", $"token: a personal access token starts with {AccessTokens.TokenPrefix}; make one at {server}account/tokens");
            }

            if (server.Scheme == Uri.UriSchemeHttp && !server.IsLoopback)
            {
                Console.Error.WriteLine($"runstrong: warning: {server} is plain http, so the token crosses the network unencrypted; use https.");
            }

            using var api = new ApiClient(server, secret);
            var me = await api.MeAsync(ct);
            new Credentials(server.ToString(), secret).Save();
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(new { server = api.ServerName, me.UserName, me.IsOwner, me.Scopes, credentials = Credentials.FilePath });
                return CliApp.Ok;
            }

            // Plain lines, never wrapped: scripts and people both read them.
            Console.Out.WriteLine($"Logged in to {api.ServerName} as {me.UserName}{(me.IsOwner ? " (owner)" : "")}; token scopes: {me.ScopeText}.");
            Console.Out.WriteLine($"Saved in {Credentials.FilePath}. import, activities, predict, export, exercises (list and show) and log strength|run|soreness now use this server; --db uses the local database.");
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command CreateLogout()
    {
        var command = new Command("logout", "Forget the saved server and token; commands use the local database again.") { CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(() =>
        {
            var saved = File.Exists(Credentials.FilePath) ? SafeLoadServer() : null;
            var removed = Credentials.Delete();
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(new { loggedOut = removed, server = saved });
                return Task.FromResult(CliApp.Ok);
            }

            Console.Out.WriteLine(removed
                ? $"Logged out{(saved is null ? "" : " of " + saved)}: {Credentials.FilePath} removed. The token still works until you revoke it{(saved is null ? "" : $" at {saved}/account/tokens")}."
                : "Not logged in: there was nothing to forget.");
            if (Environment.GetEnvironmentVariable(Credentials.ServerVariable) is { Length: > 0 })
            {
                Console.Error.WriteLine($"runstrong: note: {Credentials.ServerVariable} and {Credentials.TokenVariable} are still set, so commands still use that server.");
            }

            return Task.FromResult(CliApp.Ok);
        }));
        return command;
    }

    public static Command CreateWhoami()
    {
        var command = new Command("whoami", "Who you are logged in as, on which server, with which token scopes. Exit 1 when not logged in.") { CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            if (Credentials.Load() is not { } credentials)
            {
                throw new UserInputException("login", "not logged in: commands use the local database; run `runstrong login URL` to use a server");
            }

            using var api = ApiClient.For(credentials);
            var me = await api.MeAsync(ct);
            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(new { server = api.ServerName, me.UserName, me.IsOwner, me.Scopes, credentials = credentials.Source });
                return CliApp.Ok;
            }

            Console.Out.WriteLine($"{me.UserName}{(me.IsOwner ? " (owner)" : "")} on {api.ServerName}; token scopes: {me.ScopeText}.");
            Console.Out.WriteLine($"From {credentials.Source}.");
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>The token from stdin when it is piped (first line), else from a hidden prompt on the terminal.</summary>
    private static async Task<string> ReadTokenAsync(Uri server, CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            var line = await Console.In.ReadLineAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(line)
                ? throw new UserInputException("token", "token: stdin was empty; pipe the token (rs_…) in, or give --token")
                : line;
        }

        AnsiConsole.MarkupLine($"Make a personal access token at {Output.Esc(server.ToString())}account/tokens and paste it here.");
        return await new TextPrompt<string>("Token:").Secret().ShowAsync(AnsiConsole.Console, cancellationToken);
    }

    private static string? SafeLoadServer()
    {
        try
        {
            using var saved = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Credentials.FilePath));
            return saved.RootElement.TryGetProperty("server", out var server) ? server.GetString()?.TrimEnd('/') : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
