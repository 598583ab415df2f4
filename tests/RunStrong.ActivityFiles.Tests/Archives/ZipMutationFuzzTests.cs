using System.Text;
using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Tests.Dispatch;

namespace RunStrong.ActivityFiles.Tests.Archives;

/// <summary>Damaged zip archives (seeded byte flips and cuts) give results, never exceptions.</summary>
public class ZipMutationFuzzTests
{
    [Fact]
    public void ReadMany_MutatedZips_NeverThrow()
    {
        const string gpx = """<gpx><trk><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>""";
        var inner = ActivityFileReaderTests.Zip(("x.gpx", Encoding.UTF8.GetBytes(gpx)));
        var zip = ActivityFileReaderTests.Zip(("a.gpx", Encoding.UTF8.GetBytes(gpx)), ("nested.zip", inner), ("activities.csv", "Activity ID,Filename\n1,a.gpx\n"u8.ToArray()));
        var random = new Random(20261123);

        for (var i = 0; i < 1500; i++)
        {
            var mutated = (byte[])zip.Clone();
            for (var e = random.Next(1, 4); e > 0; e--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            if (random.Next(4) == 0)
            {
                mutated = mutated[..random.Next(4, mutated.Length)];
            }

            var results = ActivityFileReader.ReadMany("fuzz.zip", mutated).ToList();

            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.DoesNotContain("unexpected error", r.Error ?? string.Empty, StringComparison.Ordinal));
        }
    }
}
