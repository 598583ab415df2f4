using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;

namespace RunStrong.Web.Api;

/// <summary>
/// Keeps the JSON of a runner's heaviest reads (the dashboard, the prediction trend, the first pages of the log and the
/// activities) and serves it again while the runner's data stamp and today stay the same (docs/decisions/0030). The
/// stamp is read from the database on every request, so a change made through any node is seen by every node on the
/// next request: what a node keeps is a copy of what it would compute, never state of its own. The answer carries an
/// ETag; a client sending it back in If-None-Match gets 304 while nothing changed (a phone on a gym's slow connection
/// downloads the dashboard once).
/// </summary>
public sealed class RunnerMemo : IDisposable
{
    /// <summary>Configuration key: megabytes of answers a node keeps (default 64); 0 turns the memo off.</summary>
    public const string MegabytesKey = "RunStrong:ResponseMemo:Megabytes";

    private static readonly string Build = typeof(RunnerMemo).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly MemoryCache? _answers;

    /// <summary>Answers being computed, so that a burst of requests after a change computes each once.</summary>
    private readonly ConcurrentDictionary<string, Task<Answer?>> _computing = new(StringComparer.Ordinal);

    public RunnerMemo(IConfiguration configuration)
    {
        var megabytes = configuration.GetValue(MegabytesKey, 64);
        _answers = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L }) : null;
    }

    public bool Enabled => _answers is not null;

    public void Dispose() => _answers?.Dispose();

    /// <summary>A kept answer: the body, the headers the endpoint set, and the version it was computed at.</summary>
    internal sealed record Answer(string Version, string ETag, byte[] Body, KeyValuePair<string, StringValues>[] Headers);

    internal Answer? Find(string key, string version) =>
        _answers!.TryGetValue(key, out Answer? answer) && answer!.Version == version ? answer : null;

    internal async Task<Answer?> ComputeOnceAsync(string key, string version, Func<Task<Answer?>> compute)
    {
        var flight = key + "\n" + version;
        var mine = new TaskCompletionSource<Answer?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _computing.GetOrAdd(flight, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                if (await running is { } shared)
                {
                    return shared;
                }
            }
            catch (Exception)
            {
                // the request computing it failed or went away: this one computes its own
            }

            return await compute();
        }

        try
        {
            var answer = await compute();
            if (answer is not null)
            {
                _answers!.Set(key, answer, new MemoryCacheEntryOptions
                {
                    Size = answer.Body.Length + 256,
                    SlidingExpiration = TimeSpan.FromMinutes(30),
                });
            }

            mine.SetResult(answer);
            return answer;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception; // observed: the waiters compute their own
            throw;
        }
        finally
        {
            _computing.TryRemove(new KeyValuePair<string, Task<Answer?>>(flight, mine.Task));
        }
    }

    /// <summary>The version an answer is valid for: the build, the runner's data stamp and the runner's today.</summary>
    internal static string VersionOf(long stamp, DateOnly today) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Build}:{stamp}:{today:yyyyMMdd}");

    internal static string ETagOf(string key, string version) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key + "\n" + version)).AsSpan(0, 12)) + "\"";
}

/// <summary>Adds the runner memo to an endpoint that answers 200 with JSON computed only from the signed-in runner's rows.</summary>
public static class RunnerMemoEndpoints
{
    public static RouteHandlerBuilder KeptPerRunner(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<RunnerMemoFilter>();
}

internal sealed class RunnerMemoFilter(RunnerMemo memo, HotReads reads, ICurrentRunner runner, TimeProvider clock, IOptions<JsonOptions> json)
    : IEndpointFilter
{
    private static readonly object StampKey = new();

    /// <summary>The stamp read with the request's access token, so the memo need not read it again.</summary>
    public static void Remember(HttpContext context, Guid runnerId, HotReads.Stamp stamp) => context.Items[StampKey] = (runnerId, stamp);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var runnerId = runner.RunnerId;
        if (!memo.Enabled || runnerId == Guid.Empty || !HttpMethods.IsGet(http.Request.Method))
        {
            return await next(context);
        }

        var stamp = http.Items.TryGetValue(StampKey, out var read) && read is (Guid reader, HotReads.Stamp remembered) && reader == runnerId
            ? remembered
            : await reads.ReadStampAsync(runnerId, http.RequestAborted);
        if (stamp is null)
        {
            return await next(context);
        }

        var today = RunnerPreferences.From(null, null, stamp.TimeZone).Today(clock);
        var key = runnerId.ToString("N") + " " + http.Request.Path + http.Request.QueryString;
        var version = RunnerMemo.VersionOf(stamp.Value, today);
        var answer = memo.Find(key, version);
        if (answer is null)
        {
            object? computed = null;
            answer = await memo.ComputeOnceAsync(key, version, async () =>
            {
                var before = http.Response.Headers.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
                computed = await next(context);
                if (Unwrap(computed) is not { } ok)
                {
                    return null;
                }

                var body = JsonSerializer.SerializeToUtf8Bytes(ok.Value, ok.Type, json.Value.SerializerOptions);
                var headers = http.Response.Headers.Where(h => !before.Contains(h.Key)).ToArray();
                return new RunnerMemo.Answer(version, RunnerMemo.ETagOf(key, version), body, headers);
            });
            if (answer is null)
            {
                return computed; // not a 200 with a value (a validation problem): answered as the endpoint said
            }
        }

        return new KeptResult(answer);
    }

    /// <summary>A 200 with a value, and the type the endpoint declared for it.</summary>
    private static (object? Value, Type Type)? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        if (result is IValueHttpResult valued and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK }
            && result.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Ok<>))
        {
            return (valued.Value, type.GetGenericArguments()[0]);
        }

        return null;
    }

    private sealed class KeptResult(RunnerMemo.Answer answer) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            foreach (var (name, value) in answer.Headers)
            {
                response.Headers[name] = value;
            }

            response.Headers.ETag = answer.ETag;
            response.Headers.CacheControl = "private, no-cache";
            // If-None-Match parsed by ASP.NET Core's own header types (lists, weak tags and "*" included).
            var tag = new EntityTagHeaderValue(answer.ETag);
            if (httpContext.Request.GetTypedHeaders().IfNoneMatch.Any(sent => sent.Equals(EntityTagHeaderValue.Any) || sent.Compare(tag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = answer.Body.Length;
            return response.Body.WriteAsync(answer.Body, httpContext.RequestAborted).AsTask();
        }
    }
}
