using System.Globalization;
using System.IO.Compression;
using RunStrong.ActivityFiles.Workouts;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Plans;

/// <summary>
/// A plan's strength, hill-sprint and drills sessions as FIT workout files for a watch (one .fit per session, named by
/// date and kind: <c>2026-12-08-strength.fit</c>), for the CLI, the API and the session page. The files are built by
/// <see cref="PlannedWorkouts"/> and written by <see cref="WorkoutFitWriter"/> with the catalogue's Garmin exercise names.
/// </summary>
public static class PlanWorkouts
{
    /// <summary>One workout file.</summary>
    public sealed record WorkoutFile(string Name, byte[] Bytes);

    public const string FitContentType = "application/vnd.ant.fit";

    /// <summary>Every session of <paramref name="days"/> as a FIT workout, in the plan's order.</summary>
    public static async Task<IReadOnlyList<WorkoutFile>> ForDaysAsync(
        IEnumerable<PlanDay> days, ExerciseCatalogue catalogue, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var find = await FinderAsync(catalogue, cancellationToken);
        var created = clock.GetUtcNow();
        return PlannedWorkouts.Files(days)
            .Select(f => new WorkoutFile(f.FileName, WorkoutFitWriter.Write(PlannedWorkouts.Build(f.Session, f.Date, f.Index, find), created)))
            .ToArray();
    }

    /// <summary>
    /// The session with key <paramref name="key"/> (<c>2026-12-08#0</c>, as the log names it) of <paramref name="plan"/>;
    /// a key that names no session is a not-found <see cref="UserInputException"/>.
    /// </summary>
    public static async Task<WorkoutFile> ForSessionAsync(
        Plan plan, string key, ExerciseCatalogue catalogue, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (date, index) = ParseKey(key);
        var day = plan.Days.FirstOrDefault(d => d.Date == date);
        if (day is null || index >= day.Sessions.Count)
        {
            throw new UserInputException("key", $"key: the plan has no session {key}", notFound: true);
        }

        var files = await ForDaysAsync([day], catalogue, clock, cancellationToken);
        return files[index];
    }

    /// <summary>The files as one zip (no folders inside).</summary>
    public static byte[] Zip(IEnumerable<WorkoutFile> files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Name, CompressionLevel.Optimal);
                using var entryStream = entry.Open();
                entryStream.Write(file.Bytes);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads <c>2026-12-08#0</c> (also <c>2026-12-08-0</c>, which needs no escaping in a URL).</summary>
    public static (DateOnly Date, int Index) ParseKey(string? key)
    {
        var text = key?.Trim() ?? "";
        var cut = text.Length > 10 && (text[10] == '#' || text[10] == '-') ? 10 : -1;
        if (cut < 0
            || !DateOnly.TryParseExact(text[..cut], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(text[(cut + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new UserInputException("key", $"key: '{key}' is not a session key; expected the day and the session's number, such as 2026-12-08#0");
        }

        return (date, index);
    }

    private static async Task<Func<string, Exercise?>> FinderAsync(ExerciseCatalogue catalogue, CancellationToken cancellationToken)
    {
        var all = (await catalogue.AllAsync(cancellationToken)).ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase);
        return slug => all.GetValueOrDefault(slug);
    }
}
