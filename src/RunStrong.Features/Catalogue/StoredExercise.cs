using System.Text.Json;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Catalogue;

/// <summary>How an imported exercise is kept in the database: the whole domain entry as JSON.</summary>
public static class StoredExercise
{
    public static string Write(Exercise exercise) => JsonSerializer.Serialize(exercise, RunStrongJson.Options);

    public static Exercise Read(string json) =>
        JsonSerializer.Deserialize<Exercise>(json, RunStrongJson.Options)
        ?? throw new InvalidDataException("A stored catalogue entry is empty.");
}
