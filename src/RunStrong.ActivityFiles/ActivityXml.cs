using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles;

/// <summary>What one XML activity reader produced: an activity, or an error, plus warnings.</summary>
internal sealed record XmlReadOutcome(Activity? Activity, string? Error, IReadOnlyList<string> Warnings);

/// <summary>
/// Secure, streaming XML plumbing shared by the GPX and TCX readers: no DTD, no resolver, a size cap, and helpers
/// that walk children without ever skipping a sibling.
/// </summary>
internal static partial class ActivityXml
{
    /// <summary>Cap on characters in one XML document (256 Mi characters); a bigger "activity" is refused.</summary>
    public const long MaxCharactersInDocument = 256L * 1024 * 1024;

    /// <summary>Prefixes real files use without declaring them, mapped to the namespace they meant.</summary>
    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.Ordinal)
    {
        ["gpxtpx"] = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1",
        ["gpxx"] = "http://www.garmin.com/xmlschemas/GpxExtensions/v3",
        ["gpxdata"] = "http://www.cluetrust.com/XML/GPXDATA/1/0",
        ["ns3"] = "http://www.garmin.com/xmlschemas/ActivityExtension/v2",
    };

    static ActivityXml()
    {
        // Old GPX files declare windows-1252 and friends; those code pages are not built into .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static XmlReaderSettings SecureSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>
    /// Parses an XML activity file (GPX or TCX, by its root element) from memory. Never throws for bad input.
    /// </summary>
    /// <param name="data">The decompressed bytes.</param>
    /// <param name="fileName">The file name, first word of every message.</param>
    /// <param name="rootName">The root element's local name, when the document got that far.</param>
    public static XmlReadOutcome Read(byte[] data, string fileName, out string? rootName)
    {
        rootName = null;
        var warnings = new List<string>();
        var prefixNotes = new List<string>();
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);

        // Retry when a file uses a namespace prefix it never declared (a known exporter bug): declare it and go again.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            ActivityBuilder? builder = null;
            warnings.Clear();
            warnings.AddRange(prefixNotes);
            var offset = SkipBlankBeforeDeclaration(data, fileName, warnings);
            try
            {
                using var stream = new MemoryStream(data, offset, data.Length - offset, writable: false);
                using var reader = Create(stream, prefixes);
                reader.MoveToContent();
                if (reader.NodeType != XmlNodeType.Element)
                {
                    return new XmlReadOutcome(null, $"{fileName}: no XML root element", warnings);
                }

                rootName = reader.LocalName;
                builder = new ActivityBuilder(fileName, warnings);
                switch (reader.LocalName)
                {
                    case "gpx":
                        Gpx.GpxReader.Read(reader, builder);
                        break;
                    case "TrainingCenterDatabase":
                        Tcx.TcxReader.Read(reader, builder);
                        break;
                    default:
                        return new XmlReadOutcome(null, $"{fileName}: XML whose root element is <{reader.Name}>, not a GPX or TCX activity", warnings);
                }

                return builder.Finish();
            }
            catch (XmlException ex) when (UndeclaredPrefix(ex) is { } prefix && !prefixes.ContainsKey(prefix))
            {
                prefixes[prefix] = KnownPrefixes.GetValueOrDefault(prefix, "urn:runstrong:undeclared:" + prefix);
                prefixNotes.Add($"{fileName}: the file uses the XML prefix '{prefix}:' without declaring it (an exporter bug); read it as {prefixes[prefix]}");
            }
            catch (XmlException ex)
            {
                if (builder is not null && builder.PointCount >= 2)
                {
                    warnings.Add($"{fileName}: the file is damaged or cut off at line {ex.LineNumber}, position {ex.LinePosition} ({FirstSentence(ex.Message)}); kept the {builder.PointCount} points read before it");
                    var salvaged = builder.Finish();
                    if (salvaged.Activity is { } activity)
                    {
                        // The XML breaks off on the file's last line: cut short, not damaged inside (a complete copy completes it).
                        activity.CutShort = ex.LineNumber >= LineCount(data, offset);
                    }

                    return salvaged;
                }

                return new XmlReadOutcome(null, Describe(fileName, ex), warnings);
            }
            catch (DecoderFallbackException ex)
            {
                return new XmlReadOutcome(null, $"{fileName}: the text is not valid in the encoding it declares ({ex.Message})", warnings);
            }
            catch (ArgumentException ex) when (ex.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase))
            {
                return new XmlReadOutcome(null, $"{fileName}: the file declares an encoding this app cannot read ({ex.Message})", warnings);
            }
        }

        return new XmlReadOutcome(null, $"{fileName}: too many undeclared XML prefixes; not a well-formed GPX or TCX file", warnings);
    }

    /// <summary>The number of lines from <paramref name="offset"/> on (a last line without its line break counts).</summary>
    private static int LineCount(byte[] data, int offset) => data.AsSpan(offset).Count((byte)'\n') + 1;

    private static XmlReader Create(Stream stream, Dictionary<string, string> prefixes)
    {
        if (prefixes.Count == 0)
        {
            return XmlReader.Create(stream, SecureSettings());
        }

        var names = new NameTable();
        var manager = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in prefixes)
        {
            manager.AddNamespace(prefix, uri);
        }

        return XmlReader.Create(stream, SecureSettings(), new XmlParserContext(names, manager, null, XmlSpace.None));
    }

    private static string Describe(string fileName, XmlException ex)
    {
        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return $"{fileName}: refused: the file declares a DTD (<!DOCTYPE ...>), which can hide entity tricks; GPX and TCX files never need one";
        }

        return $"{fileName}: not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {FirstSentence(ex.Message)}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string? UndeclaredPrefix(XmlException ex)
    {
        var match = UndeclaredPrefixPattern().Match(ex.Message);
        return match.Success && match.Groups[1].Value.Length is > 0 and < 64 ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("'([^']*)' is an undeclared prefix")]
    private static partial Regex UndeclaredPrefixPattern();

    /// <summary>
    /// Some exporters write blank lines before the &lt;?xml?&gt; declaration, which strict XML forbids. When the blank
    /// is followed by a declaration, start reading at the declaration and say so.
    /// </summary>
    private static int SkipBlankBeforeDeclaration(byte[] data, string fileName, List<string> warnings)
    {
        var start = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
        var i = start;
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        if (i == start || i + 5 > data.Length || !data.AsSpan(i, 5).SequenceEqual("<?xml"u8))
        {
            return 0;
        }

        warnings.Add($"{fileName}: blank space before the <?xml?> declaration (not allowed in XML); ignored it");
        return i;
    }

    // ---- Walking the tree without losing siblings --------------------------------------------------------------

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/>; false (positioned on the
    /// parent's end tag) when there are no more. Call only when the parent is not an empty element.
    /// </summary>
    public static bool NextChild(XmlReader reader, int parentDepth)
    {
        while (reader.Read())
        {
            if (reader.Depth <= parentDepth)
            {
                return false;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == parentDepth + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text of the current element, leaving the reader on its end tag (never on the next sibling).</summary>
    public static string Text(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? many = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                if (single is null)
                {
                    single = reader.Value;
                }
                else
                {
                    many ??= new StringBuilder(single);
                    many.Append(reader.Value);
                }
            }
        }

        return (many?.ToString() ?? single ?? string.Empty).Trim();
    }

    public static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : double.NaN;

    /// <summary>An xsd:dateTime as UTC; a time without an offset is taken as UTC (what GPX and TCX require).</summary>
    public static DateTime? Time(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var value)
            ? value.UtcDateTime
            : null;
    }

    /// <summary>Maps a sport as GPX, TCX or Strava write it (free text, or Strava's old numeric GPX codes).</summary>
    public static (Sport Sport, string? SubSport) ParseSport(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (Sport.Unknown, null);
        }

        var t = text.Trim().ToLowerInvariant();
        return t switch
        {
            // Strava's numeric activity types in its GPX exports.
            "1" => (Sport.Cycling, null),
            "4" => (Sport.Hiking, null),
            "9" => (Sport.Running, null),
            "10" => (Sport.Walking, null),
            "16" => (Sport.Swimming, null),
            "biking" or "cycling" or "ride" or "road_biking" or "bike" => (Sport.Cycling, null),
            "running" or "run" => (Sport.Running, null),
            "other" => (Sport.Other, null),
            "multisport" => (Sport.Multisport, null),
            _ when t.Contains("trail") && t.Contains("run") => (Sport.Running, "trail"),
            _ when t.Contains("treadmill") => (Sport.Running, "treadmill"),
            _ when t.Contains("virtual") && t.Contains("run") => (Sport.Running, "virtual-activity"),
            _ when t.Contains("run") => (Sport.Running, null),
            _ when t.Contains("ride") || t.Contains("bik") || t.Contains("cycl") => (Sport.Cycling, null),
            _ when t.Contains("hik") => (Sport.Hiking, null),
            _ when t.Contains("walk") => (Sport.Walking, null),
            _ when t.Contains("swim") => (Sport.Swimming, null),
            _ when t.Contains("weight") || t.Contains("workout") || t.Contains("training") || t.Contains("crossfit") || t.Contains("yoga") => (Sport.Training, null),
            _ => (Sport.Other, null),
        };
    }
}
