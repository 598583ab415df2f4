using System.Globalization;
using System.IO.Compression;
using System.Text;
using RunStrong.TestSupport;

namespace RunStrong.Web.Tests.Infrastructure;

/// <summary>
/// Large exports built at test time from one real run (a Garmin Connect GPX in tests/fixtures): each copy is moved to
/// another day, so every entry is a distinct activity (its own content and start), as a years-long export holds.
/// </summary>
public static class ExportArchives
{
    public const string RunFixture = "sports-alliance__sports-lib__src__specs__fixtures__runs__gpx__2067489619.gpx";

    /// <summary>The day the fixture was run; copy n is run n days earlier.</summary>
    private const string RunDay = "2017-10-08";

    /// <summary>The member that is not an activity (a notes file, as exports carry).</summary>
    public const string NotesMember = "export/README.txt";

    /// <summary>The member that is a damaged GPX (cut off before its first point).</summary>
    public const string BrokenMember = "export/activities/broken.gpx";

    /// <summary>
    /// A zip of <paramref name="runs"/> distinct runs (<c>export/activities/run-0001.gpx</c>, ...), and, when asked, a
    /// damaged GPX (<see cref="BrokenMember"/>) and a notes file (<see cref="NotesMember"/>) among them.
    /// </summary>
    public static byte[] Build(int runs, bool withBadFiles = false)
    {
        var run = File.ReadAllText(Fixtures.Path("gpx", RunFixture));
        var day = DateOnly.ParseExact(RunDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < runs; i++)
            {
                var shifted = run.Replace(RunDay + "T", day.AddDays(-i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T", StringComparison.Ordinal);
                Add(zip, $"export/activities/run-{i + 1:D4}.gpx", shifted);
                if (withBadFiles && i == runs / 2)
                {
                    // Cut off before its first track point: nothing of a run is left in it.
                    Add(zip, BrokenMember, run[..run.IndexOf("<trkpt", StringComparison.Ordinal)]);
                    Add(zip, NotesMember, "Exported activities.\n");
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>The path an entry's result carries: <c>export.zip!export/activities/run-0001.gpx</c>.</summary>
    public static string ResultPath(string zipName, string member) => $"{zipName}!{member}";

    private static void Add(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
