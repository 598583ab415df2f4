namespace RunStrong.ActivityFiles.Archives;

/// <summary>What the first bytes of a file say it is.</summary>
internal enum ContentKind
{
    Unknown,
    Fit,
    Gzip,
    Zip,
    Xml,
}

/// <summary>Recognises activity formats by content; the extension is only a hint.</summary>
internal static class ContentSniffer
{
    private static readonly HashSet<string> ActivityExtensions = new(StringComparer.OrdinalIgnoreCase) { ".fit", ".gpx", ".tcx" };

    public static ContentKind Kind(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head.Slice(8, 4).SequenceEqual(".FIT"u8))
        {
            return ContentKind.Fit;
        }

        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return ContentKind.Gzip;
        }

        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 or 7 && head[3] is 4 or 6 or 8)
        {
            return ContentKind.Zip;
        }

        return LooksLikeXml(head) ? ContentKind.Xml : ContentKind.Unknown;
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            return true; // UTF-16 byte-order mark
        }

        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }

    /// <summary>The extension that names the format, ignoring a trailing .gz (<c>run.gpx.gz</c> -> <c>.gpx</c>).</summary>
    public static string FormatExtension(string name)
    {
        var trimmed = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        return Path.GetExtension(trimmed).ToLowerInvariant();
    }

    /// <summary>True when the name says FIT, GPX or TCX (gzipped or not).</summary>
    public static bool HasActivityExtension(string name) => ActivityExtensions.Contains(FormatExtension(name));

    public static bool IsZipName(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    public static bool IsGzipName(string name) => name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
}
