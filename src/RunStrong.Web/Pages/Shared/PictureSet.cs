using RunStrong.Domain.Catalogue;
using RunStrong.Features.Catalogue;

namespace RunStrong.Web.Pages.Shared;

/// <summary>
/// Start and end pictures drawn by <c>_Pictures.cshtml</c>: <c>large</c> on the exercise page, <c>medium</c> in a
/// plan's session, <c>small</c> for ladder rungs and print. Width and height are set so the page does not jump.
/// </summary>
public sealed record PictureSet(IReadOnlyList<(ExercisePicture Picture, string Url)> Items, string Size, string? TestId = null)
{
    public static PictureSet For(ExercisePictures pictures, Exercise exercise, IEnumerable<ExercisePicture> list, string size, string? testId = null) =>
        new(pictures.Shown(exercise, list), size, testId);

    /// <summary>The line that names where the pictures on a page come from and their licence.</summary>
    public static string? Credits(IEnumerable<ExercisePicture> shown)
    {
        var all = shown.ToArray();
        var photos = all.Where(p => p.Credit is not null)
            .Select(p => p.Credit!.Contains("free-exercise-db", StringComparison.Ordinal) ? "free-exercise-db, Unlicense" : p.Credit!)
            .Distinct(StringComparer.Ordinal).ToArray();
        var parts = new List<string>();
        if (photos.Length > 0)
        {
            parts.Add("Photos: " + string.Join("; ", photos));
        }

        if (all.Any(p => p.Credit is null))
        {
            parts.Add("Figures: RunStrong's own drawings");
        }

        return parts.Count == 0 ? null : string.Join(". ", parts) + ".";
    }
}
