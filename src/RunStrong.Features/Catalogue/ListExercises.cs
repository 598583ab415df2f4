using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Catalogue;

/// <summary>The catalogue, filtered by muscle, equipment, place or text. Shared by the web page, the API and the CLI.</summary>
public static class ListExercises
{
    /// <summary>Filters as the user typed them (kebab-case names); null or empty means any.</summary>
    public sealed record Request(string? Muscle = null, string? Equipment = null, string? Location = null, string? Search = null);

    /// <summary>A request whose names were checked against the vocabulary.</summary>
    public sealed record Filter(Muscle? Muscle, Equipment? Equipment, Location? Location, string? Search)
    {
        public bool Matches(Exercise e) =>
            (Muscle is not { } m || e.Loads(m))
            && (Equipment is not { } q || UsesEquipment(e, q))
            && (Location is not { } l || e.Locations.Contains(l))
            && (string.IsNullOrWhiteSpace(Search) || e.Name.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase)
                || e.Slug.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// "none" means the exercise can be done with nothing at all (its easiest rung needs nothing); any other
        /// equipment matches when some rung of the ladder uses it.
        /// </summary>
        private static bool UsesEquipment(Exercise e, Equipment equipment) =>
            equipment == Domain.Catalogue.Equipment.None
                ? e.Progression[0].Equipment.All(x => x == Domain.Catalogue.Equipment.None)
                : e.Equipment.Contains(equipment) || e.Progression.Any(v => v.Equipment.Contains(equipment));
    }

    /// <summary>Checks the names; a wrong one is a <see cref="UserInputException"/> naming the field and the accepted values.</summary>
    public static Filter Validate(Request request) => new(
        Parse<Muscle>("muscle", request.Muscle),
        Parse<Equipment>("equipment", request.Equipment),
        Parse<Location>("location", request.Location),
        string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim());

    public static async Task<IReadOnlyList<Exercise>> HandleAsync(ExerciseCatalogue catalogue, Request request, CancellationToken cancellationToken = default)
    {
        var filter = Validate(request);
        var all = await catalogue.AllAsync(cancellationToken);
        return all.Where(filter.Matches).ToArray();
    }

    private static T? Parse<T>(string field, string? value) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Kebab.TryParse<T>(value, out var parsed)
            ? parsed
            : throw new UserInputException(field, $"{field}: unknown value '{value}'; expected one of {string.Join(", ", Kebab.Names<T>())}");
    }
}
