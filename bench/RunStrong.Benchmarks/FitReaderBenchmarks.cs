using BenchmarkDotNet.Attributes;
using RunStrong.ActivityFiles.Fit;

namespace RunStrong.Benchmarks;

/// <summary>
/// Decoding one FIT file from memory to an activity with its record stream: time and allocation per file.
/// The files come from the repository's tests/fixtures/fit (set RUNSTRONG_FIXTURES to point elsewhere).
/// </summary>
[MemoryDiagnoser]
public class FitReaderBenchmarks
{
    private byte[] _data = [];

    [Params(
        "muktihari__fit__testdata__big_activity.fit",
        "dtcooper__python-fitparse__tests__files__activity-small-fenix2-run.fit")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("RUNSTRONG_FIXTURES") ?? FindFixtures();
        _data = System.IO.File.ReadAllBytes(Path.Combine(root, "fit", File));
    }

    [Benchmark]
    public int Read() => FitReader.Read(_data, File).Activity?.Records.Count ?? -1;

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "RunStrong.slnx")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures not found above " + AppContext.BaseDirectory + "; set RUNSTRONG_FIXTURES");
    }
}
