using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RunStrong.Features.Common;
using RunStrong.Features.Demo;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Activities;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Portability;

/// <summary>GET /api/export and POST /api/import through the real server, from one server's database into a fresh one.</summary>
public class DataApiTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    internal static async Task FillAsync(RunningServer server)
    {
        await using (var db = server.Database.CreateContext())
        {
            await DemoData.FillAsync(db, LocalRunner.Instance, new DateOnly(2026, 11, 30));
        }

        using var upload = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), ActivitiesApiTests.Form(("fit", ActivitiesApiTests.FenixRun), ("tcx", ActivitiesApiTests.TcxRun)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
    }

    internal static MultipartFormDataContent ZipForm(byte[] zip, string name)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    private static async Task<List<JsonElement>> AllActivitiesAsync(RunningServer server)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var list = await server.GetJsonAsync<JsonElement>($"/api/activities?pageSize=200&page={page}");
            all.AddRange(list.GetProperty("items").EnumerateArray());
            if (page >= list.GetProperty("pages").GetInt32())
            {
                return all;
            }
        }
    }

    private static async Task<string> ActivitiesAsync(RunningServer server) =>
        string.Join("\n", (await AllActivitiesAsync(server))
            .Select(a => $"{a.GetProperty("startTime").GetDateTime():O} {a.GetProperty("format").GetString()} {a.GetProperty("sport").GetString()} {a.GetProperty("distanceMeters").GetDouble()} {a.GetProperty("name")}")
            .Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(Engines))]
    public async Task ExportThenImport_IntoAFreshServer_GivesTheSameActivitiesPlansAndOriginalFiles(string engine)
    {
        await using var source = await RunningServer.StartAsync(engine);
        await using var target = await RunningServer.StartAsync(engine);
        await FillAsync(source);

        using var export = await source.Client.GetAsync(new Uri("/api/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("runstrong-export-", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var zip = await export.Content.ReadAsByteArrayAsync();
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.NotNull(archive.GetEntry("runstrong-export.json"));
            Assert.Equal(2, archive.Entries.Count(e => e.FullName.StartsWith("activities/", StringComparison.Ordinal)));
        }

        using var import = await target.Client.PostAsync(new Uri("/api/import", UriKind.Relative), ZipForm(zip, "mine.zip"));
        var report = JsonDocument.Parse(await import.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal("mine.zip", report.GetProperty("file").GetString());

        Assert.Equal(await ActivitiesAsync(source), await ActivitiesAsync(target));
        var sourcePlans = await source.GetJsonAsync<JsonElement>("/api/plans");
        var targetPlans = await target.GetJsonAsync<JsonElement>("/api/plans");
        Assert.Equal(sourcePlans.GetArrayLength(), targetPlans.GetArrayLength());
        Assert.Equal(sourcePlans[0].GetProperty("name").GetString(), targetPlans[0].GetProperty("name").GetString());

        // The original FIT file comes back byte for byte from the new server.
        var fitId = (await AllActivitiesAsync(target)).Single(a => a.GetProperty("format").GetString() == "fit").GetProperty("id").GetInt64();
        Assert.Equal(await File.ReadAllBytesAsync(Fixtures.Path("fit", ActivitiesApiTests.FenixRun)), await target.Client.GetByteArrayAsync(new Uri($"/api/activities/{fitId}/file", UriKind.Relative)));

        // Again: nothing added.
        using var again = await target.Client.PostAsync(new Uri("/api/import", UriKind.Relative), ZipForm(zip, "mine.zip"));
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.All(second.GetProperty("imported").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(await ActivitiesAsync(source), await ActivitiesAsync(target));
    }

    [Fact]
    public async Task Import_NotAnExport_Gives400NamingTheFile()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.PostAsync(new Uri("/api/import", UriKind.Relative), ZipForm("not a zip"u8.ToArray(), "garbage.zip"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("garbage.zip: not a zip archive", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await server.GetJsonAsync<JsonElement>("/api/activities")).GetProperty("total").GetInt32());
    }
}
