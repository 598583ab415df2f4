using System.Text.Json;
using RunStrong.Features.Common;

namespace RunStrong.Cli.Remote;

/// <summary>
/// The server the CLI talks to and the personal access token it sends: saved by <c>runstrong login</c> in
/// <c>$XDG_CONFIG_HOME/runstrong/credentials.json</c> (else <c>~/.config/runstrong/credentials.json</c>), readable by
/// the user only (mode 0600 in a 0700 folder). RUNSTRONG_SERVER and RUNSTRONG_TOKEN, set together, take its place.
/// </summary>
public sealed record Credentials(string Server, string Token)
{
    public const string ServerVariable = "RUNSTRONG_SERVER";

    public const string TokenVariable = "RUNSTRONG_TOKEN";

    /// <summary>Where the credentials come from, for messages: the file's path or the two variables.</summary>
    public string Source { get; init; } = "";

    public static string FilePath
    {
        get
        {
            var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(config, "runstrong", "credentials.json");
        }
    }

    /// <summary>The credentials in force: the two environment variables, else the file, else null (local database).</summary>
    public static Credentials? Load()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (!string.IsNullOrWhiteSpace(server) || !string.IsNullOrWhiteSpace(token))
        {
            if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(token))
            {
                var missing = string.IsNullOrWhiteSpace(server) ? ServerVariable : TokenVariable;
                throw new UserInputException(missing, $"{missing} is not set: set both {ServerVariable} and {TokenVariable}, or neither");
            }

            return new Credentials(ServerUrl.Parse(server, ServerVariable).ToString(), token.Trim()) { Source = $"{ServerVariable} and {TokenVariable}" };
        }

        var path = FilePath;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var saved = JsonSerializer.Deserialize<Credentials>(File.ReadAllText(path), RunStrongJson.Options);
            return saved is { Server.Length: > 0, Token.Length: > 0 }
                ? saved with { Source = path }
                : throw new UserInputException("credentials", $"{path} holds no server and token; run `runstrong logout`, then `runstrong login URL`");
        }
        catch (JsonException e)
        {
            throw new UserInputException("credentials", $"{path} cannot be read ({e.Message}); run `runstrong logout`, then `runstrong login URL`");
        }
    }

    /// <summary>Writes the file readable by the user only: created with mode 0600 under a 0700 folder, then moved into place.</summary>
    public void Save()
    {
        var path = FilePath;
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var partial = path + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(partial);
        using (var file = new FileStream(partial, options))
        {
            JsonSerializer.Serialize(file, new { server = Server, token = Token }, RunStrongJson.Indented);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Removes the file; false when there was none.</summary>
    public static bool Delete()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}

/// <summary>A server address as the user typed it: http or https, no query; a bare host gets https.</summary>
public static class ServerUrl
{
    public static Uri Parse(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        if (value.Length > 0 && !value.Contains("://", StringComparison.Ordinal))
        {
            value = "https://" + value;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new UserInputException(field, $"{field}: '{text}' is not a server address; give one such as https://runstrong.example.org");
        }

        // The API lives under the address's path (a server behind a reverse proxy at /runstrong works too).
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }
}
