using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>
/// A first start as a self-hoster sees it: the real web executable in its own process prints a one-time setup link,
/// the link makes the owner's account once, and nothing secret reaches the console afterwards, even with the most
/// talkative log levels.
/// </summary>
public partial class FirstStartTests
{
    private const string Password = "a long owner password 42";

    private const string WrongPassword = "not-it-but-close-enough-99";

    private const string UndatedPlan = """
        {"name": "Spring", "profile": {"experience": "none", "equipment": ["none", "loop-band"], "locations": ["home"], "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}, "weeks": 8}}
        """;

    [Fact]
    public async Task SetupLink_MakesTheOwnerOnce_AndNoSecretIsLogged()
    {
        var folder = Directory.CreateTempSubdirectory("runstrong-first-start-");
        var output = new StringBuilder();
        using var process = Start(folder, output, out var started,
            "--Logging:LogLevel:Default=Debug",
            "--Logging:LogLevel:Microsoft.AspNetCore=Debug",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Information");
        try
        {
            var (baseAddress, setupUrl) = await started.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.StartsWith(baseAddress + "/account/setup?token=", setupUrl, StringComparison.Ordinal);
            var secret = setupUrl[(setupUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..];

            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseAddress) };

            // Before setup there is nothing to sign in to, and the sign-in page says where the way in is.
            using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Contains("setup link printed on the console", await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative)), StringComparison.Ordinal);
            using var guessed = await client.GetAsync(new Uri("/account/setup?token=guess", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);

            var form = await client.GetStringAsync(new Uri(setupUrl));
            using var tooShort = await PostSetupAsync(client, secret, form, "short");
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
            Assert.Contains("password: Passwords must be at least 10 characters.", WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync()), StringComparison.Ordinal);

            using var created = await PostSetupAsync(client, secret, form, Password);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/", created.Headers.Location!.OriginalString);
            var dashboard = await client.GetStringAsync(new Uri("/", UriKind.Relative));
            Assert.Contains("data-testid=\"nav-account\"", dashboard, StringComparison.Ordinal);

            // The link is spent.
            using var again = await client.GetAsync(new Uri(setupUrl));
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

            // The owner makes a token and a plan; a stranger tries a password.
            var page = await client.GetStringAsync(new Uri("/account/signout", UriKind.Relative));
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tokens", UriKind.Relative))
            {
                Content = new StringContent("{\"name\": \"laptop\", \"scopes\": [\"read\", \"write\"]}", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            tokenRequest.Headers.Add("RequestVerificationToken", RunningServer.AntiforgeryField(page));
            using var tokenResponse = await client.SendAsync(tokenRequest);
            var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
            using var api = new HttpClient { BaseAddress = new Uri(baseAddress) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // A production server runs on the system clock, not the suite's: a plan with no dates (it starts on the
            // server's own today and runs eight weeks) is valid whatever day the suite stands on.
            using var plan = await api.PostAsync(new Uri("/api/plans", UriKind.Relative),
                new StringContent(UndatedPlan, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
            var calendarToken = JsonDocument.Parse(await plan.Content.ReadAsStringAsync()).RootElement.GetProperty("calendarToken").GetString()!;
            using var feed = await new HttpClient().GetAsync(new Uri($"{baseAddress}/calendar/{calendarToken}.ics"));
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            using var stranger = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseAddress) };
            using var wrong = await RunningServer.PostSignInFormAsync(stranger, "owner", WrongPassword);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var log = output.ToString();
            var lines = log.Split('\n');
            Assert.Contains(lines, line => line.StartsWith("dbug:", StringComparison.Ordinal)); // the debug logs really were on
            Assert.Single(lines, line => line.Contains(secret, StringComparison.Ordinal)); // the printed link, never a log line
            foreach (var (what, value) in new[] { ("the password", Password), ("a wrong password", WrongPassword), ("the access token", token), ("the start of the access token", token[..20]), ("a calendar token", calendarToken) })
            {
                var leaks = lines.Where(line => line.Contains(value, StringComparison.Ordinal)).ToArray();
                Assert.True(leaks.Length == 0, $"{what} reached the console:\n{string.Join("\n", leaks)}");
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            folder.Delete(recursive: true);
        }
    }

    private static Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string secret, string form, string password) =>
        client.PostAsync(new Uri("/account/setup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = secret,
            ["UserName"] = "owner",
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = RunningServer.AntiforgeryField(form),
        }));

    /// <summary>
    /// With the shipped settings a production server writes no line per request: the console stays readable and the
    /// logging costs nothing under load (issue 16's load run found two routing lines per request).
    /// </summary>
    [Fact]
    public async Task ShippedLogLevels_WriteNoLinePerRequest()
    {
        var folder = Directory.CreateTempSubdirectory("runstrong-first-start-");
        var output = new StringBuilder();
        using var process = Start(folder, output, out var started);
        try
        {
            var (baseAddress, _) = await started.WaitAsync(TimeSpan.FromMinutes(2));
            using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/signin", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/css/site.css", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/dashboard", UriKind.Relative))).StatusCode);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            string[] lines;
            lock (output)
            {
                lines = output.ToString().Split('\n');
            }

            Assert.Contains(lines, line => line.StartsWith("RunStrong is running.", StringComparison.Ordinal)); // the output was read
            var perRequest = lines.Where(line => line.Contains("Microsoft.AspNetCore.", StringComparison.Ordinal) || line.Contains("Executing endpoint", StringComparison.Ordinal)).ToArray();
            Assert.True(perRequest.Length == 0, "lines written per request:\n" + string.Join("\n", perRequest.Take(10)));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            folder.Delete(recursive: true);
        }
    }

    /// <summary>Starts the real web executable in production on a fresh SQLite file in <paramref name="folder"/>; <paramref name="started"/> completes with its address and setup link.</summary>
    private static Process Start(DirectoryInfo folder, StringBuilder output, out Task<(string Address, string SetupUrl)> started, params string[] settings)
    {
        var ready = new TaskCompletionSource<(string Address, string SetupUrl)>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? address = null;
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "RunStrong.Web.dll"),
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--ConnectionStrings:RunStrong={Path.Combine(folder.FullName, "runstrong.db")}",
        }.Concat(settings))
        {
            process.StartInfo.ArgumentList.Add(argument);
        }

        process.StartInfo.Environment["RUNSTRONG_DB"] = "";
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (OpenLine().Match(e.Data) is { Success: true } open)
            {
                address = open.Groups[1].Value;
            }

            if (address is not null && e.Data.Contains("/account/setup?token=", StringComparison.Ordinal))
            {
                ready.TrySetResult((address, e.Data.Trim()));
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started = ready.Task;
        return process;
    }

    [GeneratedRegex(@"Open (http://127\.0\.0\.1:\d+)")]
    private static partial Regex OpenLine();
}
