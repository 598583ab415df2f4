using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Imports;

/// <summary>
/// Issue 16's test of done: the real web executable, killed (SIGKILL) in the middle of a 1,000-file export import and
/// started again, finishes the import with every activity stored once, whole, and every entry's result once.
/// </summary>
public sealed partial class ImportRecoveryTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private const int Runs = 1000;

    [Theory, MemberData(nameof(Engines))]
    public async Task KilledNode_InTheMiddleOfA1000FileImport_ResumesItWithEachActivityOnce(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        string token;
        // The owner's account and token, made as the setup page makes them, by a server that is then stopped.
        await using (var setup = await RunningServer.StartOnAsync(new TestDatabase(database.Target, () => Task.CompletedTask)))
        {
            token = setup.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        var zip = ExportArchives.Build(Runs);
        string location;
        int doneAtKill;
        using (var first = await WebProcess.StartAsync(database.DbArgument))
        {
            using var client = first.Client(token);
            using var content = new ByteArrayContent(zip);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), new MultipartFormDataContent { { content, "files", "export.zip" } });
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{first.Output}");
            location = response.Headers.Location!.ToString();

            var running = await ImportsApiTests.PollAsync(client, location, j => j.GetProperty("entriesDone").GetInt32() >= 50 || j.GetProperty("state").GetString() is "done" or "failed");
            Assert.Equal("running", running.GetProperty("state").GetString());
            first.Kill();
            doneAtKill = running.GetProperty("entriesDone").GetInt32();
        }

        Assert.InRange(doneAtKill, 50, Runs - 1);
        await using (var db = database.CreateContext())
        {
            // Nothing half-written: every stored activity has its file; none is stored twice.
            var activities = await db.Activities.CountAsync();
            Assert.Equal(activities, await db.ActivityFiles.CountAsync());
            Assert.Equal(activities, await db.Activities.Select(a => a.ContentHash).Distinct().CountAsync());
            Assert.InRange(activities, doneAtKill, Runs - 1);
        }

        using (var second = await WebProcess.StartAsync(database.DbArgument))
        {
            using var client = second.Client(token);
            var job = await ImportsApiTests.PollAsync(client, location, j => j.GetProperty("state").GetString() is "done" or "failed" or "cancelled");

            Assert.True(job.GetProperty("state").GetString() == "done", $"{job}\n{second.Output}");
            Assert.Equal(Runs, job.GetProperty("entriesDone").GetInt32());
            Assert.Equal(Runs, job.GetProperty("imported").GetInt32());
            Assert.Equal(0, job.GetProperty("duplicates").GetInt32());
            Assert.Equal(0, job.GetProperty("failed").GetInt32());
            Assert.True(job.GetProperty("runs").GetInt32() >= 2, job.ToString());
            second.Kill();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(Runs, await db.Activities.CountAsync());
            Assert.Equal(Runs, await db.Activities.Select(a => a.ContentHash).Distinct().CountAsync());
            Assert.Equal(Runs, await db.ActivityFiles.CountAsync());
            Assert.Equal(Runs, await db.ImportJobResults.CountAsync());
            Assert.Equal(Runs, await db.ImportJobResults.Select(r => r.Path).Distinct().CountAsync());
            Assert.Equal(Runs, await db.ImportJobResults.Where(r => r.ActivityId != null).Select(r => r.ActivityId).Distinct().CountAsync());
        }
    }

    /// <summary>The real <c>RunStrong.Web</c> executable as its own process, on a given database.</summary>
    private sealed partial class WebProcess : IDisposable
    {
        private readonly Process _process;

        private readonly StringBuilder _output = new();

        private WebProcess(Process process) => _process = process;

        public Uri Address { get; private set; } = null!;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<WebProcess> StartAsync(string database)
        {
            var process = new Process
            {
                StartInfo = new ProcessStartInfo("dotnet")
                {
                    ArgumentList =
                    {
                        Path.Combine(AppContext.BaseDirectory, "RunStrong.Web.dll"),
                        "--urls", "http://127.0.0.1:0",
                        "--environment", "Production",
                        $"--ConnectionStrings:RunStrong={database}",
                    },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                },
            };
            process.StartInfo.Environment["RUNSTRONG_DB"] = "";
            var web = new WebProcess(process);
            var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Read(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (web._output)
                {
                    web._output.AppendLine(e.Data);
                }

                if (OpenLine().Match(e.Data) is { Success: true } open)
                {
                    started.TrySetResult(new Uri(open.Groups[1].Value));
                }
            }

            process.OutputDataReceived += Read;
            process.ErrorDataReceived += Read;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(started.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
            Assert.True(first == started.Task, $"the web app did not start:\n{web.Output}");
            web.Address = await started.Task;
            return web;
        }

        public HttpClient Client(string token)
        {
            var client = new HttpClient { BaseAddress = Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>SIGKILL: no shutdown, no cleanup, as a crash or <c>kill -9</c> leaves it.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }

        [GeneratedRegex(@"Open (http://\S+) ")]
        private static partial Regex OpenLine();
    }
}
