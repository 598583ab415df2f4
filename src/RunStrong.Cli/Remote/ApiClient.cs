using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RunStrong.Features.Common;

namespace RunStrong.Cli.Remote;

/// <summary>
/// The RunStrong JSON API of one server, called with a personal access token. Answers the user can do something about
/// become a <see cref="UserInputException"/> (one line on stderr, exit 1): a refused token (401), a read-only token
/// asked to change something (403), an unreachable server, and any other ProblemDetails by its detail. The client
/// talks to the given address only; it follows no redirect (a token is never sent elsewhere).
/// </summary>
public sealed class ApiClient : IDisposable
{
    /// <summary>Uploads and exports can take a while on a slow link; plain requests are small.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    private readonly HttpClient _http;

    public ApiClient(Uri server, string token)
    {
        Server = server;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server, Timeout = Timeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("runstrong-cli", typeof(ApiClient).Assembly.GetName().Version?.ToString() ?? "0"));
    }

    public Uri Server { get; }

    /// <summary>The server's address without the trailing slash, for messages.</summary>
    public string ServerName => Server.ToString().TrimEnd('/');

    public static ApiClient For(Credentials credentials) => new(ServerUrl.Parse(credentials.Server, "server"), credentials.Token);

    /// <summary>Who the token speaks for (GET api/me).</summary>
    public Task<Me> MeAsync(CancellationToken cancellationToken) => GetJsonAsync<Me>("api/me", cancellationToken);

    /// <summary>GET <paramref name="path"/> (relative to the server, with its query) as JSON.</summary>
    public async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseContentRead, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        return await ReadJsonAsync<T>(response, cancellationToken);
    }

    /// <summary>POST <paramref name="body"/> as JSON to <paramref name="path"/> and read the JSON answer (the API's own types).</summary>
    public async Task<T> PostJsonAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        var content = JsonContent.Create(body, body.GetType(), options: RunStrongJson.Options);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        return await ReadJsonAsync<T>(response, cancellationToken);
    }

    /// <summary>
    /// POSTs one file as multipart/form-data (field <c>files</c>) to <paramref name="path"/> and reads a JSON answer.
    /// A refused token ends the run (exception); any other refusal of this one file is returned as its problem detail.
    /// </summary>
    public async Task<(T? Value, string? Problem)> UploadAsync<T>(string path, string file, string fileName, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? fields = null)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { content, "files", fileName } };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (!response.IsSuccessStatusCode && !IsProblem(response)))
        {
            await ThrowUnlessSuccessAsync(response, cancellationToken);
        }

        return response.IsSuccessStatusCode
            ? (await ReadJsonAsync<T>(response, cancellationToken), null)
            : (default, await ProblemDetailAsync(response, cancellationToken));
    }

    /// <summary>GET <paramref name="path"/> and copy the body into <paramref name="destination"/>; returns the bytes written.</summary>
    public async Task<long> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var before = destination.Position;
        await body.CopyToAsync(destination, cancellationToken);
        return destination.Position - before;
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await _http.SendAsync(request, completion, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new UserInputException("server", $"cannot reach {ServerName}: {e.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new UserInputException("server", $"{ServerName} did not answer within {Timeout.TotalMinutes:0} minutes");
            }
        }
    }

    private async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await ProblemDetailAsync(response, cancellationToken);
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new UserInputException("token",
                $"{ServerName} refused the token (revoked, expired or wrong); make a new one at {ServerName}/account/tokens and run `runstrong login {ServerName}`"),
            HttpStatusCode.Forbidden when detail?.Contains("read scope only", StringComparison.Ordinal) == true => new UserInputException("token",
                $"the token is read-only, so {ServerName} refuses changes; make one with read and write at {ServerName}/account/tokens and run `runstrong login {ServerName}`"),
            _ when detail is not null => new UserInputException("server", $"{ServerName}: {detail}"),
            _ when (int)response.StatusCode is >= 300 and < 400 => new UserInputException("server",
                $"{ServerName} answered with a redirect to {response.Headers.Location}; give that address to `runstrong login` instead"),
            _ => new UserInputException("server", $"{ServerName} answered {(int)response.StatusCode} {response.ReasonPhrase} to {response.RequestMessage?.RequestUri?.AbsolutePath}; is it a RunStrong server?"),
        };
    }

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    /// <summary>The detail (else the title) of a ProblemDetails answer, or null when the answer is something else.</summary>
    private static async Task<string?> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!IsProblem(response))
        {
            return null;
        }

        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var messages = errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).Where(m => !string.IsNullOrEmpty(m)).ToArray();
                if (messages.Length > 0)
                {
                    return string.Join("; ", messages);
                }
            }

            return root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? text
                : root.TryGetProperty("title", out var title) ? title.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(RunStrongJson.Options, cancellationToken)
                ?? throw new UserInputException("server", $"{ServerName} answered {response.RequestMessage?.RequestUri?.AbsolutePath} with nothing");
        }
        catch (JsonException)
        {
            throw new UserInputException("server", $"{ServerName} did not answer {response.RequestMessage?.RequestUri?.AbsolutePath} with RunStrong's JSON; is it a RunStrong server?");
        }
        catch (NotSupportedException)
        {
            throw new UserInputException("server", $"{ServerName} did not answer {response.RequestMessage?.RequestUri?.AbsolutePath} with JSON; is it a RunStrong server?");
        }
    }

    /// <summary>What GET /api/me says.</summary>
    public sealed record Me(Guid Id, string UserName, string? Email, bool IsOwner, string SignedInWith, IReadOnlyList<string> Scopes)
    {
        public string ScopeText => Scopes.Contains("write") ? "read and write" : "read only";
    }
}
