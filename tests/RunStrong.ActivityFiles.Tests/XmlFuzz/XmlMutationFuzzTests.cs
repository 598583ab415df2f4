using System.Text;
using RunStrong.ActivityFiles;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.XmlFuzz;

/// <summary>
/// Seeded mutation fuzzing of the GPX and TCX readers: flipped bytes, cut files, spliced markup, repeated chunks.
/// Whatever comes in, a result comes out: no exception escapes and no "unexpected error" (which would be a bug).
/// </summary>
public class XmlMutationFuzzTests
{
    private static readonly byte[][] Markup =
    [
        "<"u8.ToArray(), ">"u8.ToArray(), "</trkpt>"u8.ToArray(), "<trkpt lat=\"1e308\" lon=\"-0\">"u8.ToArray(),
        "&amp;"u8.ToArray(), "&bogus;"u8.ToArray(), "<![CDATA[x]]>"u8.ToArray(), "<!DOCTYPE x>"u8.ToArray(),
        "<time>9999-99-99</time>"u8.ToArray(), "<Value>NaN</Value>"u8.ToArray(), "xmlns:a=\"u\""u8.ToArray(),
        "<a:b>"u8.ToArray(), "\0"u8.ToArray(), [0xC3], [0xFF, 0xFE], "<?xml version=\"1.0\" encoding=\"utf-16\"?>"u8.ToArray(),
    ];

    public static TheoryData<string, string> Seeds => new()
    {
        { "gpx", "tkrajina__gpxgo__test_files__file.gpx" },
        { "gpx", "tkrajina__gpxpy__test_files__gpx1.1_with_all_fields.gpx" },
        { "gpx", "tkrajina__gpxpy__test_files__track-with-empty-segment.gpx" },
        { "gpx", "tkrajina__gpxgo__test_files__iso8859-1encoded.gpx" },
        { "tcx", "vkurup__python-tcxparser__tests__files__test.tcx" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Read_MutatedFiles_NeverThrow(string folder, string file)
    {
        var original = File.ReadAllBytes(Fixtures.Path(folder, file));
        if (original.Length > 20_000)
        {
            original = original[..20_000]; // the head holds every structure; keeps the run short
        }

        var random = new Random(file.Length * 7919);
        for (var i = 0; i < 700; i++)
        {
            var mutated = Mutate(original, random);

            var result = ActivityFileReader.Read(file, mutated);

            Assert.NotNull(result);
            if (result.Status != ActivityFileStatus.Read)
            {
                Assert.StartsWith(file + ":", result.Error);
                Assert.DoesNotContain("unexpected error", result.Error, StringComparison.Ordinal);
            }
            else
            {
                Assert.NotNull(result.Activity);
                _ = Domain.Activities.Metrics.ActivityMetrics.Summarise(result.Activity);
            }
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Markup[random.Next(Markup.Length)]);
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 400), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                default:
                    var digits = Encoding.ASCII.GetBytes(random.Next(-1000, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    bytes.InsertRange(at, digits);
                    break;
            }
        }

        return [.. bytes];
    }
}
