namespace RunStrong.Domain.Catalogue;

/// <summary>
/// The exercises shipped inside RunStrong (embedded resource <c>RunStrong.Catalogue.exercises.json</c>), read and
/// validated once on first use. A broken built-in entry is a bug in RunStrong, so loading throws
/// <see cref="InvalidOperationException"/> naming every broken entry by number and slug.
/// </summary>
public static class BuiltInCatalogue
{
    /// <summary>Logical name of the embedded catalogue.</summary>
    public const string ResourceName = "RunStrong.Catalogue.exercises.json";

    private static readonly Lazy<IReadOnlyList<Exercise>> Loaded = new(Load);
    private static readonly Lazy<Dictionary<string, Exercise>> BySlug =
        new(() => Loaded.Value.ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every built-in exercise, in catalogue order.</summary>
    public static IReadOnlyList<Exercise> Exercises => Loaded.Value;

    /// <summary>The built-in exercise with this slug (<c>hip-thrust</c>), or null.</summary>
    public static Exercise? Find(string slug) =>
        BySlug.Value.TryGetValue(slug.Trim(), out var exercise) ? exercise : null;

    /// <summary>Reads and validates a catalogue document as the built-in one is; throws naming each broken entry.</summary>
    internal static IReadOnlyList<Exercise> LoadFrom(Stream utf8Json, string what)
    {
        var result = CatalogueJson.Parse(utf8Json);
        if (result.HasProblems)
        {
            throw new InvalidOperationException(
                $"The {what} has {result.Problems.Count} problem(s):\n  " + string.Join("\n  ", result.Problems));
        }

        if (result.Exercises.Count == 0)
        {
            throw new InvalidOperationException($"The {what} holds no exercises.");
        }

        return result.Exercises;
    }

    private static IReadOnlyList<Exercise> Load()
    {
        using var stream = typeof(BuiltInCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The built-in catalogue resource '{ResourceName}' is missing from {typeof(BuiltInCatalogue).Assembly.GetName().Name}.");
        return LoadFrom(stream, "built-in catalogue");
    }
}
