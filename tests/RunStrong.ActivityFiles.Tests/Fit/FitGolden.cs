using System.Text.Json;

namespace RunStrong.ActivityFiles.Tests.Fit;

/// <summary>
/// Golden summaries of the FIT fixtures computed with Garmin's JavaScript FIT SDK (tools/fit-golden/golden.mjs),
/// committed as Golden/fit-golden.json and copied beside the test assembly.
/// </summary>
internal static class FitGolden
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoldenFile>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, GoldenFile> Files => Loaded.Value;

    private static Dictionary<string, GoldenFile> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "fit-golden.json");
        using var stream = File.OpenRead(path);
        var document = JsonSerializer.Deserialize<GoldenDocument>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty");
        return document.Files;
    }

    /// <summary>FIT sport name as the SDK gives it (camelCase) to RunStrong's sport, by the same FIT values.</summary>
    public static Domain.Activities.Sport Sport(string? sdkName) => sdkName switch
    {
        null or "generic" => Domain.Activities.Sport.Unknown,
        "running" => Domain.Activities.Sport.Running,
        "cycling" => Domain.Activities.Sport.Cycling,
        "transition" => Domain.Activities.Sport.Transition,
        "swimming" => Domain.Activities.Sport.Swimming,
        "training" => Domain.Activities.Sport.Training,
        "walking" => Domain.Activities.Sport.Walking,
        "hiking" => Domain.Activities.Sport.Hiking,
        "multisport" => Domain.Activities.Sport.Multisport,
        _ => Domain.Activities.Sport.Other,
    };

    /// <summary>SDK sub-sport (camelCase) in RunStrong's kebab-case; generic is no sub-sport.</summary>
    public static string? SubSport(string? sdkName) => sdkName is null or "generic"
        ? null
        : string.Concat(sdkName.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    public static DateTime? Time(string? iso) => iso is null ? null : DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

    internal sealed record GoldenDocument(string Generator, Dictionary<string, GoldenFile> Files);

    internal sealed record GoldenFile(
        string[] SdkErrors,
        bool IsFit,
        bool Integrity,
        string? FileType,
        int Records,
        int Laps,
        GoldenSet[]? Sets,
        GoldenSession[]? Sessions,
        string?[]? Sports,
        GoldenRecord[]? RecordSamples);

    internal sealed record GoldenSession(string? Sport, string? SubSport, string? StartTime, double? TotalDistance, double? TotalElapsedTime, double? TotalTimerTime);

    internal sealed record GoldenSet(string? StartTime, double? Duration, double? Repetitions, double? Weight, string? SetType, string? Category);

    internal sealed record GoldenRecord(
        int Index,
        string? Timestamp,
        double? Latitude,
        double? Longitude,
        double? Altitude,
        double? Distance,
        double? Speed,
        double? HeartRate,
        double? Cadence,
        double? Power);
}
