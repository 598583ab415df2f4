using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue;

/// <summary>
/// Where a page finds an exercise's pictures. Built-in pictures ship with the web app under <c>/img/exercises/</c>.
/// An imported entry keeps its source's picture paths; they are shown only when a copy of the file is kept in the
/// server's imported-pictures folder (<c>Catalogue:PicturesFolder</c>, one sub-folder per source, for example
/// <c>free-exercise-db/Barbell_Hip_Thrust/0.jpg</c>), and are then served from this server: never from another host
/// (docs/decisions/0023).
/// </summary>
public sealed class ExercisePictures(string? importedFolder)
{
    /// <summary>URL prefix of the built-in pictures (static files in wwwroot/img/exercises).</summary>
    public const string BuiltInPath = "/img/exercises/";

    /// <summary>URL prefix of imported pictures kept on this server.</summary>
    public const string ImportedPath = "/exercises/pictures/";

    /// <summary>Kinds of file served for imported entries; anything else (SVG, which may carry script) is not shown.</summary>
    public static IReadOnlyDictionary<string, string> ImportedContentTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    /// <summary>Built-in pictures only: imported ones are never shown (the CLI, and servers without a pictures folder).</summary>
    public static ExercisePictures BuiltInOnly { get; } = new(null);

    /// <summary>The folder imported pictures are kept in, or null when the server keeps none.</summary>
    public string? ImportedFolder { get; } = string.IsNullOrWhiteSpace(importedFolder) ? null : Path.GetFullPath(importedFolder);

    /// <summary>The picture's URL on this server, or null when it cannot be shown here.</summary>
    public string? Url(Exercise exercise, ExercisePicture picture)
    {
        if (exercise.Source.Name == ExerciseSource.BuiltIn.Name)
        {
            return BuiltInPath + picture.File;
        }

        return ImportedFile(exercise.Source.Name, picture.File) is null
            ? null
            : ImportedPath + Uri.EscapeDataString(exercise.Source.Name) + "/" + string.Join('/', picture.File.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>The pictures of this list that can be shown here, each with its URL.</summary>
    public IReadOnlyList<(ExercisePicture Picture, string Url)> Shown(Exercise exercise, IEnumerable<ExercisePicture> pictures) =>
        pictures.Select(p => (p, Url(exercise, p))).Where(x => x.Item2 is not null).Select(x => (x.p, x.Item2!)).ToArray();

    /// <summary>The local file of an imported picture, or null when it is not kept here (or the path is not a safe one).</summary>
    public string? ImportedFile(string source, string file)
    {
        if (ImportedFolder is null || !ExercisePicture.IsSafePath(source) || !ExercisePicture.IsSafePath(file)
            || !ImportedContentTypes.ContainsKey(Path.GetExtension(file)))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(ImportedFolder, source, file));
        return path.StartsWith(ImportedFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
