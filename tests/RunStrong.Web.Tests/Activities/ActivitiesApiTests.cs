using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Activities;

/// <summary>The activities API through the real HTTP server, on SQLite and on PostgreSQL.</summary>
public class ActivitiesApiTests
{
    public const string FenixRun = "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit";
    public const string TcxRun = "vkurup__python-tcxparser__tests__files__test.tcx";
    public const string EmptyFit = "sports-alliance__sports-lib__src__specs__fixtures__others__empty-sessions.fit";

    public static TheoryData<string> Engines => TestDatabases.Engines;

    public static MultipartFormDataContent Form(params (string Folder, string Name)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (folder, name) in files)
        {
            var content = new ByteArrayContent(File.ReadAllBytes(Fixtures.Path(folder, name)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }

        return form;
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task Upload_TwoGoodFilesAndABadOne_ImportsTheGoodOnesAndNamesTheBadOne(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);

        using var response = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), Form(("fit", FenixRun), ("fit", EmptyFit), ("tcx", TcxRun)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(1, report.GetProperty("failed").GetInt32());
        var files = report.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Equal("imported", files[FenixRun].GetProperty("status").GetString());
        Assert.Equal("imported", files[TcxRun].GetProperty("status").GetString());
        Assert.Equal("failed", files[EmptyFit].GetProperty("status").GetString());
        Assert.StartsWith(EmptyFit + ": ", files[EmptyFit].GetProperty("error").GetString(), StringComparison.Ordinal);
        var runId = files[FenixRun].GetProperty("activityId").GetInt64();

        var list = await server.GetJsonAsync<JsonElement>("/api/activities");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.True(items[0].GetProperty("startTime").GetDateTime() >= items[1].GetProperty("startTime").GetDateTime(), "newest first");

        var detail = await server.GetJsonAsync<JsonElement>($"/api/activities/{runId}");
        Assert.Equal("running", detail.GetProperty("sport").GetString());
        Assert.Equal(2809, detail.GetProperty("records").GetInt32());
        Assert.InRange(detail.GetProperty("distanceMeters").GetDouble(), 9000, 9020);
        Assert.Equal(4, detail.GetProperty("bestEfforts").GetArrayLength());
        Assert.Equal(1000, detail.GetProperty("bestEfforts")[1].GetProperty("distanceMeters").GetDouble());
        Assert.NotEmpty(detail.GetProperty("climbs").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("series").ValueKind);

        var withSeries = await server.GetJsonAsync<JsonElement>($"/api/activities/{runId}?series=true");
        Assert.InRange(withSeries.GetProperty("series").GetProperty("pace").GetArrayLength(), 100, 300);

        using var file = await server.Client.GetAsync(new Uri($"/api/activities/{runId}/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.ant.fit", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FenixRun, file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(await File.ReadAllBytesAsync(Fixtures.Path("fit", FenixRun)), await file.Content.ReadAsByteArrayAsync());

        using var deleted = await server.Client.DeleteAsync(new Uri($"/api/activities/{runId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await server.Client.GetAsync(new Uri($"/api/activities/{runId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"activity {runId}: no such activity", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await server.GetJsonAsync<JsonElement>("/api/activities")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Upload_AskingForNdJson_StreamsOneLinePerFile_AndSeesDuplicates()
    {
        await using var server = await RunningServer.StartAsync();
        using (await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), Form(("fit", FenixRun))))
        {
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/activities", UriKind.Relative)) { Content = Form(("fit", FenixRun), ("fit", EmptyFit), ("tcx", TcxRun)) };
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, lines.Length);
        var byPath = lines.ToDictionary(l => l.GetProperty("path").GetString()!, l => l.GetProperty("status").GetString());
        Assert.Equal("duplicate", byPath[FenixRun]);
        Assert.Equal("failed", byPath[EmptyFit]);
        Assert.Equal("imported", byPath[TcxRun]);
    }

    [Fact]
    public async Task Upload_AZipArchive_ImportsEachMember()
    {
        await using var server = await RunningServer.StartAsync();
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(Fixtures.Path("fit", FenixRun), "runs/run.fit");
            zip.CreateEntryFromFile(Fixtures.Path("tcx", TcxRun), "runs/run.tcx");
            zip.CreateEntryFromFile(Fixtures.Path("fit", EmptyFit), "runs/empty.fit");
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(zipped.ToArray()), "files", "export.zip" } };
        using var response = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), form);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = report.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("status").GetString());
        Assert.Equal("imported", files["export.zip!runs/run.fit"]);
        Assert.Equal("imported", files["export.zip!runs/run.tcx"]);
        Assert.Equal("failed", files["export.zip!runs/empty.fit"]);
        var list = await server.GetJsonAsync<JsonElement>("/api/activities");
        var id = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("format").GetString() == "fit").GetProperty("id").GetInt64();
        using var file = await server.Client.GetAsync(new Uri($"/api/activities/{id}/file", UriKind.Relative));
        Assert.Equal("run.fit", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Upload_NoFiles_IsABadRequest()
    {
        await using var server = await RunningServer.StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        using var response = await server.Client.PostAsync(new Uri("/api/activities", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no files", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefusedWithAProblemNamingTheLimit()
    {
        await using var server = await RunningServer.StartAsync();

        // A request announcing 300 MB: refused from its headers, before the body is read (the default limit is 200 MB).
        using var client = new TcpClient();
        await client.ConnectAsync(server.Address.Host, server.Address.Port);
        await using var stream = client.GetStream();
        var head = $"POST /api/activities HTTP/1.1\r\nHost: {server.Address.Authority}\r\nAuthorization: {server.Client.DefaultRequestHeaders.Authorization}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: {300L * 1024 * 1024}\r\nConnection: close\r\n\r\n--x\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains("larger than the 200 MB limit", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_BadPage_IsAValidationProblem()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/activities?page=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page: 0 is not a page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
