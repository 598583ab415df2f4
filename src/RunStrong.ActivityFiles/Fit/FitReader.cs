namespace RunStrong.ActivityFiles.Fit;

/// <summary>Reads FIT files (the public FIT protocol) into the domain activity model.</summary>
public static class FitReader
{
    /// <summary>Reads a whole FIT file already in memory. Never throws for bad input: problems come back in the result.</summary>
    /// <param name="data">The file's bytes (already decompressed).</param>
    /// <param name="sourceName">The file name, used in messages.</param>
    public static FitReadResult Read(ReadOnlySpan<byte> data, string sourceName) =>
        FitReadResult.Failed($"{sourceName}: the FIT reader is being written");
}
