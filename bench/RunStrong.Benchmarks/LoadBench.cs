using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunStrong.Benchmarks;

/// <summary>
/// The load benchmark (issue 16, bench/load.sh drives it): <c>load-seed</c> makes N runners and years of training for
/// each through the public API only (the setup link, open registration, personal access tokens, the log's POSTs and the
/// upload), and <c>load-run</c> puts a mixed read/write load on a running server with <c>wrk</c> (one wrk per endpoint, at
/// the same time, the connections shared out) after the static-file baseline, and prints requests/s, p50, p99 and
/// errors per endpoint as a Markdown table.
/// </summary>
internal static partial class LoadBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> SeedAsync(string[] args)
    {
        var server = new Uri(Option(args, "--server") ?? "http://127.0.0.1:5080");
        var setupUrl = Option(args, "--setup-url") ?? throw new ArgumentException("--setup-url: the one-time setup link the first node printed");
        var runners = int.Parse(Option(args, "--runners") ?? "1", CultureInfo.InvariantCulture);
        var years = double.Parse(Option(args, "--years") ?? "10", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? "tokens.txt";
        var fitFolder = Option(args, "--files");
        var fitCount = int.Parse(Option(args, "--file-count") ?? "20", CultureInfo.InvariantCulture);
        var parallel = int.Parse(Option(args, "--parallel") ?? "16", CultureInfo.InvariantCulture);
        var files = fitFolder is null ? [] : Directory.EnumerateFiles(fitFolder, "*.gpx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(fitCount).ToArray();

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var first = today.AddDays(-(int)(years * 365.25));
        var clock = Stopwatch.StartNew();
        var tokens = new string[runners];
        for (var r = 0; r < runners; r++)
        {
            tokens[r] = await AccountAsync(server, r == 0 ? new Uri(setupUrl) : new Uri(server, "/account/register"), $"runner{r:D3}");
        }

        Console.Error.WriteLine($"{runners} accounts with tokens in {clock.Elapsed.TotalSeconds:F0} s");
        var requests = 0;
        var failures = new ConcurrentBag<string>();
        // By default the first runner logs every entry and uploads the files one by one, and each of the others imports the
        // first runner's export zip (GET /api/export, POST /api/import: how a runner brings their years from another
        // server), so a hundred runners are seeded in minutes; --by-entry makes every runner log entry by entry.
        var byEntry = args.Contains("--by-entry") ? runners : 1;
        await Parallel.ForEachAsync(Enumerable.Range(0, byEntry), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel / 4) }, async (r, ct) =>
        {
            using var client = RunnerClient(server, tokens[r]);
            var work = Days(first, today).SelectMany(d => Entries(d, d.DayNumber - first.DayNumber)).ToArray();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (entry, ct2) =>
            {
                using var response = await client.PostAsJsonAsync(entry.Path, entry.Body, Json, ct2);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{entry.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct2)}");
                }

                if (Interlocked.Increment(ref requests) % 5000 == 0)
                {
                    Console.Error.WriteLine($"  {requests} entries logged ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            });

            foreach (var file in files)
            {
                using var form = new MultipartFormDataContent();
                var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
                form.Add(content, "files", Path.GetFileName(file));
                using var response = await client.PostAsync(new Uri("/api/activities", UriKind.Relative), form, ct);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"upload {file}: {(int)response.StatusCode}");
                }
            }
        });

        if (byEntry < runners)
        {
            using var exporter = RunnerClient(server, tokens[0]);
            var zip = await exporter.GetByteArrayAsync(new Uri("/api/export", UriKind.Relative));
            Console.Error.WriteLine($"runner000's export: {zip.Length / 1024} KB; importing it for {runners - 1} runner(s)");
            var imported = 0;
            await Parallel.ForEachAsync(Enumerable.Range(1, runners - 1), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (r, ct) =>
            {
                using var client = RunnerClient(server, tokens[r]);
                using var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent(zip), "file", "runstrong-export.zip");
                using var response = await client.PostAsync(new Uri("/api/import", UriKind.Relative), form, ct);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"import for runner{r:D3}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }

                if (Interlocked.Increment(ref imported) % 10 == 0)
                {
                    Console.Error.WriteLine($"  {imported} imports ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            });
        }

        await File.WriteAllLinesAsync(output, tokens);
        Console.Error.WriteLine($"seeded {runners} runner(s) x {years} years: {requests} entries, {files.Length} files each, {failures.Count} failures, in {clock.Elapsed.TotalSeconds:F0} s; tokens in {output}");
        foreach (var failure in failures.Take(5))
        {
            Console.Error.WriteLine("  " + failure);
        }

        return failures.IsEmpty ? 0 : 1;
    }

    private sealed record Entry(string Path, object Body);

    /// <summary>A client signed in as one runner by their access token (long timeout: imports of ten years take seconds).</summary>
    private static HttpClient RunnerClient(Uri server, string token)
    {
        var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly today)
    {
        for (var day = first; day < today; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>One day of a runner's ten years: five runs a week (a long one on Sundays), strength twice, a check-in weekly.</summary>
    private static IEnumerable<Entry> Entries(DateOnly day, int index)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (index % 7 is 0 or 2 or 3 or 5 or 6 && index % 10 != 9)
        {
            var km = index % 7 == 6 ? 16 + (index % 3) : 8 + (index % 5);
            var seconds = km * (330 - (index / 365 * 3));
            yield return new Entry("/api/log/runs", new
            {
                date, distance = $"{km}k", time = $"{seconds / 3600}:{seconds / 60 % 60:D2}:{seconds % 60:D2}",
                type = index % 7 == 6 ? "long" : index % 7 == 2 ? "quality" : "easy", rpe = index % 7 == 2 ? 7 : 4,
            });
        }

        if (index % 7 is 1 or 4)
        {
            var load = 40 + (index / 60 % 40);
            yield return new Entry("/api/log/strength", new
            {
                date,
                sets = Enumerable.Range(0, 9).Select(p => p < 3
                    ? (object)new { exercise = "hip-thrust", variant = "barbell", reps = 10, load = $"{load}kg", rpe = 7 }
                    : p < 6 ? new { exercise = "bulgarian-split-squat", variant = "dumbbells", reps = 10, load = $"{load / 4}kg", rpe = 7 }
                    : new { exercise = "fire-hydrant", variant = "banded", reps = 15, band = "medium", rpe = 6 }).ToArray(),
            });
        }

        if (index % 7 == 6)
        {
            yield return new Entry("/api/log/soreness", new { date, area = index % 3 == 0 ? "calves" : "hamstrings", score = index % 4 });
        }
    }

    /// <summary>An account (the owner's through the setup link, the others by open registration) and a read-write token.</summary>
    private static async Task<string> AccountAsync(Uri server, Uri form, string userName)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server };
        var page = await client.GetStringAsync(form);
        const string password = "load benchmark password 1";
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = Antiforgery(page),
        };
        if (System.Web.HttpUtility.ParseQueryString(form.Query)["token"] is { } setupToken)
        {
            fields["Token"] = setupToken;
        }

        using (var posted = await client.PostAsync(form, new FormUrlEncodedContent(fields)))
        {
            if (posted.StatusCode != HttpStatusCode.Redirect && posted.StatusCode != HttpStatusCode.SeeOther)
            {
                throw new InvalidOperationException($"{form.AbsolutePath}: no account for {userName} ({(int)posted.StatusCode}); is RunStrong:Registration=open?");
            }
        }

        var tokensPage = await client.GetStringAsync(new Uri("/account/tokens", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tokens", UriKind.Relative))
        {
            Content = JsonContent.Create(new { name = "load benchmark", scopes = new[] { "read", "write" } }),
        };
        request.Headers.Add("RequestVerificationToken", Antiforgery(tokensPage));
        using var created = await client.SendAsync(request);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static string Antiforgery(string html) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery field on the page"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>An endpoint under load: its wrk script's request and its share of the connections.</summary>
    private sealed record Target(string Name, string Method, string Path, string? Body, string? ContentType, int Connections);

    public static async Task<int> RunAsync(string[] args)
    {
        var server = (Option(args, "--server") ?? "http://127.0.0.1:5080").TrimEnd('/');
        var tokens = (await File.ReadAllLinesAsync(Option(args, "--tokens") ?? "tokens.txt")).Where(t => t.Length > 0).ToArray();
        var seconds = int.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var connections = int.Parse(Option(args, "--connections") ?? "100", CultureInfo.InvariantCulture);
        var label = Option(args, "--label") ?? server;
        var gpx = Option(args, "--gpx");
        var work = Directory.CreateTempSubdirectory("runstrong-load-");
        // --mix-only: the mixed load alone, for profiling the server under it (no baseline, no reads alone).
        var mixOnly = args.Contains("--mix-only");

        Console.Error.WriteLine($"baseline: GET /css/site.css, {connections} connections, {seconds} s");
        await WrkAsync(work, new Target("warm-up", "GET", "/css/site.css", null, null, connections), server, tokens, 2);
        var baseline = await WrkAsync(work, new Target("static file /css/site.css (baseline)", "GET", "/css/site.css", null, null, connections), server, tokens, mixOnly ? 2 : seconds);

        // The mixed load: what runners do on a weekday evening, all at once, the connections shared out.
        int Share(double part) => Math.Max(1, (int)Math.Round(connections * part));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var targets = new List<Target>
        {
            new("GET /api/dashboard", "GET", "/api/dashboard", null, null, Share(0.25)),
            new("GET /api/predictions/trend", "GET", "/api/predictions/trend", null, null, Share(0.15)),
            new("GET /api/activities", "GET", "/api/activities", null, null, Share(0.2)),
            new("GET /api/log", "GET", "/api/log", null, null, Share(0.2)),
            new("PUT /api/log/sets (log a set)", "PUT", "/api/log/sets",
                "{\"date\":\"" + today + "\",\"position\":__POSITION__,\"set\":{\"exercise\":\"hip-thrust\",\"variant\":\"barbell\",\"reps\":10,\"load\":\"60kg\",\"rpe\":7}}", "application/json", Share(0.15)),
        };
        if (gpx is not null)
        {
            targets.Add(new("POST /api/activities (import one file)", "POST", "/api/activities", await File.ReadAllTextAsync(gpx), "multipart/form-data; boundary=runstrongload", Share(0.05)));
        }

        // Each runner's first dashboard after their ten years arrived builds their rollups (a one-time cost per runner, not
        // the mix's): asked here, timed and reported, not counted in the mix.
        var firstAnswers = Stopwatch.StartNew();
        await WarmAsync(server, "/api/dashboard", tokens);
        firstAnswers.Stop();
        Console.Error.WriteLine($"first dashboards: {tokens.Length} runner(s), each asked twice, 8 at a time, in {firstAnswers.Elapsed.TotalSeconds:N1} s");

        var warmUp = int.Parse(Option(args, "--warmup") ?? "30", CultureInfo.InvariantCulture);
        if (warmUp > 0)
        {
            // Not counted: the JIT, the connection pools and the database's caches warm up under the same mix. 30 s by
            // default: after 10 s a freshly started PostgreSQL node still did a third of its steady work (590 against
            // 1,570 requests/s in the next run on the same data); a server runs for days.
            Console.Error.WriteLine($"warm-up: the mixed load for {warmUp} s, not counted");
            await Task.WhenAll(targets.Select(t => WrkAsync(work, t, server, tokens, warmUp)));
        }

        Console.Error.WriteLine($"mixed load: {string.Join(", ", targets.Select(t => $"{t.Name} x{t.Connections}"))}, {seconds} s");
        var results = await Task.WhenAll(targets.Select(t => WrkAsync(work, t, server, tokens, seconds)));

        // Then each read alone with all the connections, as issue 16's targets are stated (and as its first table measured).
        var alone = new List<WrkResult>();
        foreach (var read in targets.Where(t => t.Method == "GET" && !mixOnly))
        {
            Console.Error.WriteLine($"alone: {read.Name} x{connections}, {seconds} s (after each runner's first answers and 2 s, not counted)");
            // Not counted: the mix has just changed every runner's data, so each runner's first answer on each node is
            // computed again while the connections wait; that is the mix's cost (measured above), not this read's. Each
            // runner asks twice (two nodes behind a round-robin front get one each), eight runners at a time.
            await WarmAsync(server, read.Path, tokens);
            await WrkAsync(work, read with { Connections = connections }, server, tokens, 2);
            alone.Add(await WrkAsync(work, read with { Connections = connections }, server, tokens, seconds));
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{label}: {tokens.Length} runner(s), {connections} connections, {seconds} s");
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture, $"Each runner's first dashboard (rollups built from ten years), asked twice, 8 at a time: {firstAnswers.Elapsed.TotalSeconds:N1} s for {tokens.Length} runner(s), not counted below.");
        table.AppendLine();
        table.AppendLine("The mix, all at once:");
        table.AppendLine();
        Table(results.Prepend(baseline));
        if (!mixOnly)
        {
            table.AppendLine();
            table.AppendLine("Each read alone:");
            table.AppendLine();
            Table(alone.Prepend(baseline));
        }

        void Table(IEnumerable<WrkResult> rows)
        {
            table.AppendLine("| endpoint | connections | requests/s | p50 | p99 | errors | bytes/response |");
            table.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var r in rows)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Connections} | {r.RequestsPerSecond:N0} | {r.P50} | {r.P99} | {r.Errors} | {r.BytesPerResponse:N0} |");
            }
        }

        Console.WriteLine(table);
        work.Delete(true);
        return 0;
    }

    private static async Task WarmAsync(string server, string path, string[] tokens)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(5) };
        await Parallel.ForEachAsync(tokens.SelectMany(t => new[] { t, t }), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (token, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, ct);
        });
    }

    private sealed record WrkResult(string Name, int Connections, double RequestsPerSecond, string P50, string P99, long Errors, double BytesPerResponse);

    private static async Task<WrkResult> WrkAsync(DirectoryInfo work, Target target, string server, string[] tokens, int seconds)
    {
        var script = Path.Combine(work.FullName, $"{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Lua(target, tokens));
        var threads = Math.Min(2, target.Connections);
        var start = new ProcessStartInfo("wrk", ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", target.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--timeout", "10s", "--latency", "-s", script, server + target.Path])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var rps = WrkNumber(output, @"Requests/sec:\s+([\d.]+)");
        var p50 = WrkText(output, @"\s50%\s+(\S+)");
        var p99 = WrkText(output, @"\s99%\s+(\S+)");
        var socketErrors = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)") is { Success: true } e
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(e.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
        var non2xx = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)") is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var bytes = Regex.Match(output, @"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read") is { Success: true } r
            ? double.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture) * (r.Groups[3].Value switch { "KB" => 1024, "MB" => 1024 * 1024, "GB" => 1024 * 1024 * 1024, _ => 1 })
                / Math.Max(1, long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(target.Name, target.Connections, rps, p50, p99, socketErrors + non2xx, bytes);
    }

    /// <summary>A wrk script: each connection's requests carry the runners' tokens in turn; a set goes to one of 24 positions of the day's session (a long session; a retry at a position replaces the set).</summary>
    private static string Lua(Target target, string[] tokens)
    {
        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
        var lua = new StringBuilder();
        lua.AppendLine(CultureInfo.InvariantCulture, $"local tokens = {{{string.Join(",", tokens.Select(Quote))}}}");
        lua.AppendLine("local n = 0");
        lua.AppendLine("local id = 0");
        lua.AppendLine("setup = function(thread) id = id + 1; thread:set(\"tid\", id) end");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local method = {Quote(target.Method)}");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local path = {Quote(target.Path)}");
        if (target.Body is { } body && target.ContentType!.StartsWith("multipart", StringComparison.Ordinal))
        {
            // One GPX a request, moved to another day by the request's number so that uploads are new activities (a few repeat: duplicates).
            lua.AppendLine(CultureInfo.InvariantCulture, $"local gpx = {Quote(body)}");
            lua.AppendLine("request = function()");
            lua.AppendLine("  n = n + 1");
            lua.AppendLine("  local token = tokens[(n % #tokens) + 1]");
            lua.AppendLine("  local k = n * 2 + (tid or 0)");
            lua.AppendLine("  local day = string.format(\"%04d-%02d-%02d\", 1995 + math.floor(k / 336) % 30, math.floor(k / 28) % 12 + 1, k % 28 + 1)");
            lua.AppendLine("  local file = string.gsub(gpx, \"<time>%d%d%d%d%-%d%d%-%d%d\", \"<time>\" .. day)");
            lua.AppendLine("  local b = \"--runstrongload\\r\\nContent-Disposition: form-data; name=\\\"files\\\"; filename=\\\"load.gpx\\\"\\r\\nContent-Type: application/gpx+xml\\r\\n\\r\\n\" .. file .. \"\\r\\n--runstrongload--\\r\\n\"");
            lua.AppendLine(CultureInfo.InvariantCulture, $"  return wrk.format(method, path, {{[\"Authorization\"] = \"Bearer \" .. token, [\"Content-Type\"] = {Quote(target.ContentType)}}}, b)");
            lua.AppendLine("end");
        }
        else if (target.Body is { } json)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"local body = {Quote(json)}");
            lua.AppendLine("request = function()");
            lua.AppendLine("  n = n + 1");
            lua.AppendLine("  local token = tokens[(n % #tokens) + 1]");
            lua.AppendLine("  local b = string.gsub(body, \"__POSITION__\", tostring(n % 24))");
            lua.AppendLine(CultureInfo.InvariantCulture, $"  return wrk.format(method, path, {{[\"Authorization\"] = \"Bearer \" .. token, [\"Content-Type\"] = {Quote(target.ContentType!)}}}, b)");
            lua.AppendLine("end");
        }
        else
        {
            lua.AppendLine("request = function()");
            lua.AppendLine("  n = n + 1");
            lua.AppendLine("  return wrk.format(method, path, {[\"Authorization\"] = \"Bearer \" .. tokens[(n % #tokens) + 1]})");
            lua.AppendLine("end");
        }

        return lua.ToString();
    }

    private static double WrkNumber(string output, string pattern) =>
        Regex.Match(output, pattern) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static string WrkText(string output, string pattern) => Regex.Match(output, pattern) is { Success: true } m ? m.Groups[1].Value : "–";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
