using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Imports;

/// <summary>Background imports (/api/imports) through the real HTTP server and the real Quartz scheduler, on SQLite and PostgreSQL.</summary>
public class ImportsApiTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    /// <summary>How long a test waits for a job to get somewhere before it says where it stood: generous, not a timing assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public static MultipartFormDataContent ZipForm(string name, byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { content, "files", name } };
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Import_AZipOfManyRunsWithABadFile_RunsInTheBackgroundAndImportsTheRest(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        const int runs = 60;

        using var response = await server.Client.PostAsync(new Uri("/api/imports", UriKind.Relative), ZipForm("export.zip", ExportArchives.Build(runs, withBadFiles: true)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        var location = response.Headers.Location!.ToString();
        var accepted = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"/api/imports/{accepted.GetProperty("id").GetInt64()}", location);
        Assert.Equal(runs + 2, accepted.GetProperty("entriesTotal").GetInt32());
        Assert.Equal(["export.zip"], accepted.GetProperty("files").EnumerateArray().Select(f => f.GetString()));

        var seen = new List<int>();
        var job = await PollAsync(server.Client, location, j =>
        {
            seen.Add(j.GetProperty("entriesDone").GetInt32());
            return j.GetProperty("state").GetString() is "done" or "failed" or "cancelled";
        });

        Assert.True(job.GetProperty("state").GetString() == "done", job.ToString());
        Assert.Equal(seen.Order().ToList(), seen);
        Assert.Equal(runs + 2, job.GetProperty("entriesDone").GetInt32());
        Assert.Equal(runs + 2, job.GetProperty("entriesTotal").GetInt32());
        Assert.Equal(runs, job.GetProperty("imported").GetInt32());
        Assert.True(job.GetProperty("duplicates").GetInt32() == 0, job.ToString());
        Assert.Equal(1, job.GetProperty("failed").GetInt32());
        Assert.Equal(1, job.GetProperty("skipped").GetInt32());
        Assert.Equal(1, job.GetProperty("runs").GetInt32());

        // Results come a page at a time, every entry once.
        var first = await server.GetJsonAsync<JsonElement>(location + "?pageSize=50");
        Assert.Equal(2, first.GetProperty("nextPage").GetInt32());
        var second = await server.GetJsonAsync<JsonElement>(location + "?pageSize=50&page=2");
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextPage").ValueKind);
        var results = first.GetProperty("results").EnumerateArray().Concat(second.GetProperty("results").EnumerateArray()).ToList();
        Assert.Equal(runs + 2, results.Select(r => r.GetProperty("path").GetString()).Distinct().Count());
        var broken = results.Single(r => r.GetProperty("path").GetString() == ExportArchives.ResultPath("export.zip", ExportArchives.BrokenMember));
        Assert.Equal("failed", broken.GetProperty("status").GetString());
        Assert.StartsWith("broken.gpx: ", broken.GetProperty("error").GetString(), StringComparison.Ordinal);
        var notes = results.Single(r => r.GetProperty("path").GetString() == ExportArchives.ResultPath("export.zip", ExportArchives.NotesMember));
        Assert.Equal("skipped", notes.GetProperty("status").GetString());

        // Every imported entry is an activity the runner has, once.
        var imported = results.Where(r => r.GetProperty("status").GetString() == "imported").Select(r => r.GetProperty("activityId").GetInt64()).ToList();
        Assert.Equal(runs, imported.Distinct().Count());
        var list = await server.GetJsonAsync<JsonElement>("/api/activities?page=1&pageSize=200");
        Assert.Equal(runs, list.GetProperty("total").GetInt32());
        var one = await server.GetJsonAsync<JsonElement>($"/api/activities/{imported[0]}");
        Assert.Equal("running", one.GetProperty("sport").GetString());

        var mine = await server.GetJsonAsync<JsonElement>("/api/imports");
        Assert.Equal(accepted.GetProperty("id").GetInt64(), mine[0].GetProperty("id").GetInt64());
        Assert.Equal("done", mine[0].GetProperty("state").GetString());

        // The job rolled up the weeks it touched before it said done: the first dashboard finds nothing left to recompute.
        await using (var db = server.Database.CreateContext())
        {
            Assert.False(await db.RollupMarks.AnyAsync(), "weeks the import touched are still marked stale");
            Assert.True(await db.WeekRollups.AnyAsync(), "the import built the runner's rollups");
        }
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Cancel_ARunningImport_StopsItAndKeepsWhatWasImported(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        const int runs = 400;

        using var response = await server.Client.PostAsync(new Uri("/api/activities?background=true", UriKind.Relative), ZipForm("big.zip", ExportArchives.Build(runs)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        await PollAsync(server.Client, location, j => j.GetProperty("entriesDone").GetInt32() > 0 || j.GetProperty("state").GetString() != "queued" && j.GetProperty("state").GetString() != "running");

        using var cancel = await server.Client.DeleteAsync(new Uri(location, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.True(JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement.GetProperty("cancelRequested").GetBoolean());
        var job = await PollAsync(server.Client, location, j => j.GetProperty("state").GetString() is "done" or "failed" or "cancelled");

        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        var done = job.GetProperty("entriesDone").GetInt32();
        Assert.InRange(done, 1, runs - 1);
        Assert.Equal(done, job.GetProperty("imported").GetInt32());
        var list = await server.GetJsonAsync<JsonElement>("/api/activities?page=1&pageSize=1");
        Assert.Equal(done, list.GetProperty("total").GetInt32());

        // Nothing more happens after the cancellation.
        var again = await server.GetJsonAsync<JsonElement>(location);
        Assert.Equal(done, again.GetProperty("entriesDone").GetInt32());
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task AnotherRunnersImport_IsNotFound(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        using var response = await server.Client.PostAsync(new Uri("/api/imports", UriKind.Relative), ZipForm("export.zip", ExportArchives.Build(3)));
        var location = response.Headers.Location!.ToString();
        await PollAsync(server.Client, location, j => j.GetProperty("state").GetString() == "done");

        var bee = await server.CreateAccountAsync("bee", "another long passphrase");
        using var beeClient = server.ClientWithToken(bee.Token);
        using var get = await beeClient.GetAsync(new Uri(location, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        using var delete = await beeClient.DeleteAsync(new Uri(location, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var theirs = JsonDocument.Parse(await beeClient.GetStringAsync(new Uri("/api/imports", UriKind.Relative))).RootElement;
        Assert.Equal(0, theirs.GetArrayLength());
    }

    [Fact]
    public async Task Import_WithoutFiles_IsABadRequestNamingTheField()
    {
        await using var server = await RunningServer.StartAsync();
        using var response = await server.Client.PostAsync(new Uri("/api/imports", UriKind.Relative), new MultipartFormDataContent { { new StringContent("x"), "note" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("files:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Polls <paramref name="location"/> until <paramref name="until"/> holds; fails saying where the job stood after <see cref="Patience"/>.</summary>
    public static async Task<JsonElement> PollAsync(HttpClient client, string location, Func<JsonElement, bool> until)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri(location, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {location} gave {(int)response.StatusCode}: {body}");
            var job = JsonDocument.Parse(body).RootElement.Clone();
            if (until(job))
            {
                return job;
            }

            Assert.True(waited.Elapsed < Patience, $"the import did not get there in {Patience}: {body[..Math.Min(body.Length, 600)]}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
