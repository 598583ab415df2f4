using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Archives;

/// <summary>One row of a Strava bulk export's activities.csv, the parts RunStrong takes.</summary>
internal sealed record StravaRow(int RowNumber, string ActivityId, string? Name, string? ActivityType, string? Description, string Filename);

/// <summary>
/// The index of a Strava bulk export (activities.csv beside an activities/ folder). Rows are matched to files by
/// the Filename column (<c>activities/123.gpx.gz</c>, relative to the export root); the Name, Activity Type and
/// Activity Description columns replace what the file says, since they are what the athlete last edited on Strava.
/// </summary>
/// <remarks>
/// Strava's CSV repeats column names (two "Distance" columns, one in km and one in metres; two "Elapsed Time",
/// "Max Heart Rate", "Relative Effort", "Commute"), so columns cannot be keyed by name. Each column used here is
/// found by position: the FIRST header with that name, which in every export seen is the one meant (the later
/// duplicates are the raw-unit copies). No duplicated column is read.
/// </remarks>
internal sealed class StravaExport
{
    public const string IndexFileName = "activities.csv";

    /// <summary>Cap on the CSV's size: a real one is about 0.4 KB per activity.</summary>
    public const long MaxIndexBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, StravaRow> _byFile = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<StravaRow> _matched = [];

    private StravaExport(string root, List<StravaRow> rows)
    {
        Root = root;
        Rows = rows;
        foreach (var row in rows)
        {
            if (row.Filename.Length > 0)
            {
                _byFile.TryAdd(Key(row.Filename), row);
            }
        }
    }

    /// <summary>The export root as the caller addresses it (folder path, or a prefix inside a zip), ending in a separator or empty.</summary>
    public string Root { get; }

    public IReadOnlyList<StravaRow> Rows { get; }

    /// <summary>
    /// Reads an activities.csv; null when it is not a Strava activities index (no Filename column), so the caller
    /// treats it as an ordinary file.
    /// </summary>
    public static StravaExport? TryLoad(Stream csv, string root)
    {
        try
        {
            using var text = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                HasHeaderRecord = true,
                DetectColumnCountChanges = false,
                MissingFieldFound = null,
                BadDataFound = null,
                TrimOptions = TrimOptions.Trim,
            };
            using var reader = new CsvReader(text, config);
            if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not { } header)
            {
                return null;
            }

            var filename = FirstIndex(header, "Filename");
            if (filename < 0)
            {
                return null;
            }

            var id = FirstIndex(header, "Activity ID");
            var name = FirstIndex(header, "Activity Name");
            var type = FirstIndex(header, "Activity Type");
            var description = FirstIndex(header, "Activity Description");
            var rows = new List<StravaRow>();
            while (reader.Read())
            {
                var row = reader.Parser.Row;
                rows.Add(new StravaRow(
                    row,
                    Field(reader, id) ?? string.Empty,
                    Field(reader, name),
                    Field(reader, type),
                    Field(reader, description),
                    Field(reader, filename) ?? string.Empty));
            }

            return new StravaExport(root, rows);
        }
        catch (CsvHelperException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The row naming this file (path relative to the export root, '/' separated), if any; marks it matched.</summary>
    public StravaRow? Match(string relativePath)
    {
        if (_byFile.TryGetValue(Key(relativePath), out var row))
        {
            _matched.Add(row);
            return row;
        }

        return null;
    }

    /// <summary>Rows that name a file the export did not contain.</summary>
    public IEnumerable<StravaRow> Unmatched() => Rows.Where(r => r.Filename.Length > 0 && !_matched.Contains(r));

    /// <summary>Rows with no file at all (activities entered by hand on Strava).</summary>
    public IEnumerable<StravaRow> WithoutFile() => Rows.Where(r => r.Filename.Length == 0);

    /// <summary>Applies the CSV's name, sport and description to an activity read from the row's file.</summary>
    public static void Apply(StravaRow row, Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(row.Name))
        {
            activity.Name = row.Name;
        }

        if (!string.IsNullOrWhiteSpace(row.Description))
        {
            activity.Description = row.Description;
        }

        var (sport, subSport) = ActivityXml.ParseSport(row.ActivityType);
        if (sport != Sport.Unknown && !(sport == Sport.Other && activity.Sport != Sport.Unknown))
        {
            activity.Sport = sport;
            activity.SubSport = subSport ?? (activity.Sport == sport ? activity.SubSport : null);
        }
    }

    /// <summary>Match key: '/' separators, no leading "./" or "/", and a trailing ".gz" dropped (people gunzip exports).</summary>
    private static string Key(string path)
    {
        var key = path.Replace('\\', '/').TrimStart('.', '/');
        return key.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? key[..^3] : key;
    }

    private static int FirstIndex(string[] header, string name) =>
        Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));

    private static string? Field(CsvReader reader, int index)
    {
        if (index < 0 || index >= reader.Parser.Count)
        {
            return null;
        }

        var value = reader.GetField(index);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
