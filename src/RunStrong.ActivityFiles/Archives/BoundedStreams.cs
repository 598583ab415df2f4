using System.IO.Compression;

namespace RunStrong.ActivityFiles.Archives;

/// <summary>Reads compressed or archived bytes with a hard cap, so a small bomb cannot fill memory or disk.</summary>
internal static class BoundedStreams
{
    /// <summary>Reads the whole stream, or returns null (and stops reading) once more than <paramref name="maxBytes"/> arrive.</summary>
    public static byte[]? ReadAll(Stream stream, long maxBytes, long sizeHint = 0)
    {
        using var buffer = new MemoryStream(sizeHint is > 0 and < int.MaxValue ? (int)Math.Min(sizeHint, maxBytes) : 0);
        return CopyBounded(stream, buffer, maxBytes) ? buffer.ToArray() : null;
    }

    /// <summary>Copies at most <paramref name="maxBytes"/>; false when the source holds more.</summary>
    public static bool CopyBounded(Stream source, Stream destination, long maxBytes)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return false;
            }

            destination.Write(chunk, 0, read);
        }

        return true;
    }

    /// <summary>Decompresses gzip data (several members in a row are read as one, as gunzip does); null when over the cap.</summary>
    public static byte[]? Gunzip(byte[] compressed, long maxBytes)
    {
        using var input = new MemoryStream(compressed, writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        return ReadAll(gzip, maxBytes, Math.Min((long)compressed.Length * 4, maxBytes));
    }

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of a stream (fewer when it is shorter).</summary>
    public static byte[] Head(Stream stream, int count)
    {
        var head = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = stream.Read(head, filled, count - filled)) > 0)
        {
            filled += read;
        }

        return filled == count ? head : head[..filled];
    }
}
