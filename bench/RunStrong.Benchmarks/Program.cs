using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Running;
using RunStrong.ActivityFiles.Fit;
using RunStrong.Benchmarks;

// RunStrong benchmarks.
//   fit-corpus DIR [--repeat N] [--no-warmup]
//                                 decode every .fit file under DIR (loaded first), print one JSON line
//   fit-dump [--all] FILE...      print what the FIT reader made of each file (a debugging aid)
//   import-corpus DIR [--db FILE] import DIR into a fresh SQLite file through the ImportActivities slice, print one JSON line
//   load-seed --server URL --setup-url URL [--runners N] [--years Y] [--files DIR --file-count K] [--out tokens.txt]
//                                 N runners with Y years of training each, through the public API (bench/load.sh)
//   load-run --server URL --tokens FILE [--seconds S] [--warmup S] [--connections C] [--gpx FILE] [--label TEXT]
//                                 the static-file baseline, then a mixed load with wrk; a Markdown table on stdout
//   ten-years --db FILE [--fit DIR] ten years of one runner's training in a fresh SQLite file; prints a read token
//   bdn [BenchmarkDotNet args]    the BenchmarkDotNet classes, e.g. `bdn --filter *Fit*`
if (args is ["load-seed", .. var seedArgs])
{
    return await LoadBench.SeedAsync(seedArgs);
}

if (args is ["load-run", .. var loadArgs])
{
    return await LoadBench.RunAsync(loadArgs);
}

if (args is ["import-corpus", var corpus, .. var importArgs])
{
    return await ImportCorpus.RunAsync(corpus, importArgs);
}

if (args is ["ten-years", .. var tenYearsArgs])
{
    return await TenYears.RunAsync(tenYearsArgs);
}

return args switch
{
    ["fit-corpus", var dir, .. var rest] => FitCorpus(dir, rest),
    ["fit-dump", "--all", .. var files] => FitDump(files, true),
    ["fit-dump", .. var files] => FitDump(files, false),
    ["bdn", .. var rest] => RunBenchmarkDotNet(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RunStrong.Benchmarks fit-corpus DIR [--repeat N] [--no-warmup] | fit-dump [--all] FILE... | import-corpus DIR [--db FILE] | bdn [BenchmarkDotNet args]");
    return 2;
}

static int RunBenchmarkDotNet(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(FitReaderBenchmarks).Assembly).Run(rest);
    return 0;
}

static int FitCorpus(string dir, string[] rest)
{
    var repeat = 1;
    var warmUp = true;
    for (var i = 0; i < rest.Length; i++)
    {
        if (rest[i] == "--repeat" && i + 1 < rest.Length && int.TryParse(rest[i + 1], CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            repeat = parsed;
            i++;
        }
        else if (rest[i] == "--no-warmup")
        {
            warmUp = false;
        }
        else
        {
            return Usage();
        }
    }

    // Same selection as the JS peer (shared/peers/fitsdk-decode.mjs): files ending in .fit, sorted, loaded before timing.
    var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".fit", StringComparison.OrdinalIgnoreCase))
        .Order(StringComparer.Ordinal)
        .ToArray();
    var buffers = files.Select(File.ReadAllBytes).ToArray();
    var names = files.Select(Path.GetFileName).ToArray();

    // One untimed pass first, so the timing measures decoding rather than the JIT compiling the reader
    // (--no-warmup times from a cold start, as the JS peer does).
    if (warmUp)
    {
        foreach (var (buffer, name) in buffers.Zip(names))
        {
            FitReader.Read(buffer, name!);
        }
    }

    long bytes = 0, records = 0, sessions = 0, errors = 0;
    var clock = Stopwatch.StartNew();
    for (var r = 0; r < repeat; r++)
    {
        for (var i = 0; i < buffers.Length; i++)
        {
            bytes += buffers[i].Length;
            var result = FitReader.Read(buffers[i], names[i]!);
            if (result.Activity is { } activity)
            {
                records += activity.Records.Count;
                sessions += activity.Sessions.Count;
            }

            if (result.Error is not null)
            {
                errors++;
            }
        }
    }

    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        reader = "RunStrong FitReader",
        files = files.Length,
        repeat,
        warm_up = warmUp,
        bytes,
        records,
        sessions,
        errors,
        seconds,
        mb_per_s = bytes / 1e6 / seconds,
    }));
    return 0;
}

static int FitDump(string[] files, bool allRecords)
{
    foreach (var file in files)
    {
        var bytes = File.ReadAllBytes(file);
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            bytes = output.ToArray();
        }

        var name = Path.GetFileName(file);
        var result = FitReader.Read(bytes, name);
        var a = result.Activity;
        Console.WriteLine($"{name}: type={result.FileType ?? "-"} error={result.Error ?? "-"}");
        if (a is not null)
        {
            Console.WriteLine($"  sport={a.Sport} sub={a.SubSport ?? "-"} start={a.StartTime:O} records={a.Records.Count} laps={a.Laps.Count} sessions={a.Sessions.Count} sets={a.StrengthSets.Count} dist={a.DeviceDistanceMeters} elapsed={a.DeviceElapsedSeconds}");
            foreach (var s in a.Sessions)
            {
                Console.WriteLine($"  session {s}");
            }

            var indexes = allRecords ? Enumerable.Range(0, a.Records.Count) : new[] { 0, a.Records.Count / 2, a.Records.Count - 1 };
            foreach (var i in indexes.Where(i => i >= 0 && i < a.Records.Count).Distinct())
            {
                Console.WriteLine($"  record[{i}] {a.Records[i]}");
            }
        }

        foreach (var w in result.Warnings)
        {
            Console.WriteLine($"  warning: {w}");
        }
    }

    return 0;
}
