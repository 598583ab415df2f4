using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Archives;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Dispatch;

public class ActivityFileReaderTests
{
    private const string TinyGpx = """<gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>""";

    [Fact]
    public void Read_GzippedGpx_HashesTheDecompressedBytes()
    {
        var compressed = File.ReadAllBytes(Fixtures.Path("gpx", "tkrajina__gpxgo__test_files__graphhopper.gpx.gz"));
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);

        var result = ActivityFileReader.Read("graphhopper.gpx.gz", compressed);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(plain.ToArray())), result.ContentHash);
        Assert.Equal(ActivityFileReader.Read("graphhopper.gpx", plain.ToArray()).ContentHash, result.ContentHash);
    }

    [Fact]
    public void Read_ContentDecidesTheFormat_NotTheExtension()
    {
        var asTcx = TestFiles.ReadText("really-a-gpx.tcx", TinyGpx);
        var fit = File.ReadAllBytes(Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__Activity.fit"));

        Assert.Equal(ActivityFileStatus.Read, asTcx.Status);
        Assert.Equal(Domain.Activities.ActivityFormat.Gpx, asTcx.Activity!.Format);
        // A FIT file misnamed .gpx goes to the FIT reader exactly like the same bytes named .fit.
        var misnamed = ActivityFileReader.Read("Activity.gpx", fit);
        var named = ActivityFileReader.Read("Activity.fit", fit);
        Assert.Equal(named.Status, misnamed.Status);
        Assert.Equal(named.Activity?.Records.Count, misnamed.Activity?.Records.Count);
    }

    [Theory]
    [InlineData("empty.gpx", new byte[0], ActivityFileStatus.Failed, "empty.gpx: the file is empty")]
    [InlineData("photo.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, ActivityFileStatus.Skipped, "photo.jpg: not an activity file (FIT, GPX or TCX)")]
    [InlineData("run.fit", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 }, ActivityFileStatus.Failed, "run.fit: not a FIT file (no \".FIT\" signature at byte 8)")]
    [InlineData("run.gpx", new byte[] { (byte)'h', (byte)'i' }, ActivityFileStatus.Failed, "run.gpx: not an XML file")]
    [InlineData("run.gpx.gz", new byte[] { 0x1F, 0x8B, 8, 0, 0, 0 }, ActivityFileStatus.Failed, "run.gpx.gz: the gzip data is cut off")]
    [InlineData("run.gz", new byte[] { (byte)'n', (byte)'o' }, ActivityFileStatus.Failed, "run.gz: named .gz but not gzip data")]
    public void Read_BadInput_GivesAClearMessageStartingWithTheFileName(string name, byte[] content, ActivityFileStatus status, string message)
    {
        var result = ActivityFileReader.Read(name, content);

        Assert.Equal(status, result.Status);
        Assert.Null(result.Activity);
        Assert.StartsWith(message, result.Error);
    }

    [Fact]
    public void Read_XmlThatIsNotAnActivity_IsSkipped()
    {
        var result = TestFiles.ReadText("feed.xml", "<rss><channel/></rss>");

        Assert.Equal(ActivityFileStatus.Skipped, result.Status);
        Assert.Equal("feed.xml: XML whose root element is <rss>, not a GPX or TCX activity", result.Error);
    }

    [Fact]
    public void Read_PathWithFolders_MessagesStartWithTheFileNameOnly()
    {
        var result = ActivityFileReader.Read("/home/me/runs/empty.tcx", []);

        Assert.Equal("/home/me/runs/empty.tcx", result.Path);
        Assert.Equal("empty.tcx: the file is empty", result.Error);
    }

    [Fact]
    public void Read_ZipWithOneActivity_GivesThatActivity()
    {
        var zip = Zip(("readme.txt", Encoding.UTF8.GetBytes("hello")), ("runs/a.gpx", Encoding.UTF8.GetBytes(TinyGpx)));

        var result = ActivityFileReader.Read("upload.zip", zip);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        Assert.Equal("upload.zip!runs/a.gpx", result.Path);
    }

    [Fact]
    public void Read_ZipWithSeveralActivities_PointsToTheBatchReader()
    {
        var zip = Zip(("a.gpx", Encoding.UTF8.GetBytes(TinyGpx)), ("b.gpx", Encoding.UTF8.GetBytes(TinyGpx)));

        var single = ActivityFileReader.Read("upload.zip", zip);
        var many = ActivityFileReader.ReadMany("upload.zip", zip).ToList();

        Assert.Equal(ActivityFileStatus.Failed, single.Status);
        Assert.StartsWith("upload.zip: a zip archive holding several activity files", single.Error);
        Assert.Equal(["upload.zip!a.gpx", "upload.zip!b.gpx"], many.Select(r => r.Path));
        Assert.All(many, r => Assert.Equal(ActivityFileStatus.Read, r.Status));
    }

    [Fact]
    public void Gunzip_StopsAtTheCap()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[100_000]);
        }

        Assert.Null(BoundedStreams.Gunzip(buffer.ToArray(), 50_000));
        Assert.Equal(100_000, BoundedStreams.Gunzip(buffer.ToArray(), 100_000)!.Length);
    }

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
