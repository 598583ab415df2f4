using System.Diagnostics;
using System.Text.Json;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Benchmarks;

/// <summary>
/// <c>import-corpus DIR [--db FILE]</c>: imports a folder into a fresh SQLite file through the real
/// <see cref="ImportActivities"/> slice (the code <c>runstrong import</c> runs) and prints one JSON line. Peak memory is
/// the process's peak working set (<see cref="Process.PeakWorkingSet64"/>) and the largest managed heap seen after
/// each file (<see cref="GC.GetTotalMemory"/>, sampled without forcing a collection).
/// </summary>
public static class ImportCorpus
{
    public static async Task<int> RunAsync(string dir, string[] rest)
    {
        string? dbPath = null;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--db" && i + 1 < rest.Length)
            {
                dbPath = rest[++i];
            }
            else
            {
                Console.Error.WriteLine("usage: RunStrong.Benchmarks import-corpus DIR [--db FILE]");
                return 2;
            }
        }

        var temporary = dbPath is null;
        dbPath ??= Path.Combine(Path.GetTempPath(), $"runstrong-import-corpus-{Guid.NewGuid():N}.db");
        if (File.Exists(dbPath))
        {
            Console.Error.WriteLine($"{dbPath}: exists; the benchmark imports into a fresh database");
            return 2;
        }

        var target = DatabaseTarget.FromSqlitePath(dbPath);
        try
        {
            await DataServices.MigrateAsync(target);
            int files = 0, imported = 0, duplicates = 0, failed = 0, skipped = 0;
            long managedPeak = GC.GetTotalMemory(forceFullCollection: false);
            var clock = Stopwatch.StartNew();
            await using (var db = DataServices.CreateContext(target))
            {
                await foreach (var result in ImportActivities.FromPathsAsync(db, LocalRunner.Instance, TimeProvider.System, [dir]))
                {
                    files++;
                    switch (result.Status)
                    {
                        case ImportActivities.FileStatus.Imported: imported++; break;
                        case ImportActivities.FileStatus.Duplicate: duplicates++; break;
                        case ImportActivities.FileStatus.Failed: failed++; break;
                        default: skipped++; break;
                    }

                    managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(forceFullCollection: false));
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                files,
                imported,
                duplicates,
                failed,
                skipped,
                seconds,
                peak_working_set_mb = process.PeakWorkingSet64 / (1024.0 * 1024.0),
                managed_peak_mb = managedPeak / (1024.0 * 1024.0),
                db_mb = new FileInfo(dbPath).Length / (1024.0 * 1024.0),
            }));
            return 0;
        }
        finally
        {
            if (temporary)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(dbPath);
            }
        }
    }
}
