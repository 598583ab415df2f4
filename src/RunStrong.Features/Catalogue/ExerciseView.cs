using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue;

/// <summary>An exercise as the API and the CLI's --json show it. Enum values are kebab-case strings.</summary>
public sealed record ExerciseView(
    string Slug,
    string Name,
    string Kind,
    IReadOnlyList<string> PrimaryMuscles,
    IReadOnlyList<string> SecondaryMuscles,
    IReadOnlyList<string> JointActions,
    IReadOnlyList<string> Equipment,
    IReadOnlyList<string> Locations,
    string Level,
    bool SingleLeg,
    DoseView Dose,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> CommonMistakes,
    IReadOnlyList<string> Progression,
    IReadOnlyList<VariantView> Variants,
    SourceView Source,
    IReadOnlyList<PictureView> Pictures)
{
    /// <summary>The exercise as shown with built-in pictures only (imported ones need the server's pictures folder).</summary>
    public static ExerciseView From(Exercise e) => From(e, ExercisePictures.BuiltInOnly);

    public static ExerciseView From(Exercise e, ExercisePictures pictures) => new(
        e.Slug,
        e.Name,
        Kebab.Name(e.Kind),
        e.PrimaryMuscles.Select(Kebab.Name).ToArray(),
        e.SecondaryMuscles.Select(Kebab.Name).ToArray(),
        e.JointActions.Select(Kebab.Name).ToArray(),
        e.Equipment.Select(Kebab.Name).ToArray(),
        e.Locations.Select(Kebab.Name).ToArray(),
        Kebab.Name(e.Level),
        e.SingleLeg,
        new DoseView(e.Dose.Sets, e.Dose.RepsMin, e.Dose.RepsMax, e.Dose.Seconds, e.Dose.RestSeconds),
        e.Cues,
        e.CommonMistakes,
        e.Progression.Select(v => v.Name).ToArray(),
        e.Progression.Select(v => new VariantView(v.Slug, v.Name, v.Equipment.Select(Kebab.Name).ToArray(), Kebab.Name(v.Load), v.Note,
            PictureView.From(pictures.Shown(e, v.Pictures)))).ToArray(),
        new SourceView(e.Source.Name, e.Source.ExternalId, e.Source.Licence, e.Source.Author, e.Source.Url),
        PictureView.From(pictures.Shown(e, e.MainPictures)));
}

public sealed record DoseView(int Sets, int? RepsMin, int? RepsMax, int? Seconds, int RestSeconds);

public sealed record VariantView(string Slug, string Name, IReadOnlyList<string> Equipment, string Load, string? Note, IReadOnlyList<PictureView> Pictures);

/// <summary>A picture with its URL on this server (a path, never another host), the position it shows and its alt text.</summary>
public sealed record PictureView(string Url, string Position, string Alt, int Width, int Height, string? Credit)
{
    public static IReadOnlyList<PictureView> From(IEnumerable<(ExercisePicture Picture, string Url)> shown) =>
        shown.Select(x => new PictureView(x.Url, Kebab.Name(x.Picture.Position), x.Picture.Alt, x.Picture.Width, x.Picture.Height, x.Picture.Credit)).ToArray();
}

public sealed record SourceView(string Name, string? ExternalId, string? Licence, string? Author, string? Url);
