namespace RunStrong.ActivityFiles.Archives;

/// <summary>How RunStrong walks a folder of activity files, the same for the reader, the CLI's count and its uploads.</summary>
public static class FolderWalk
{
    /// <summary>
    /// Inaccessible entries are skipped, symbolic links to folders are not followed (they can loop), and hidden and
    /// system files stay skipped as .NET skips them by default (a watch's folder of dot-files is not activities).
    /// </summary>
    public static EnumerationOptions Options(bool recurse)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = recurse, IgnoreInaccessible = true };
        options.AttributesToSkip |= FileAttributes.ReparsePoint;
        return options;
    }
}
