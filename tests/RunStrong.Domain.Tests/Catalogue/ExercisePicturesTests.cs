using RunStrong.Domain.Catalogue;
using RunStrong.TestSupport;

namespace RunStrong.Domain.Tests.Catalogue;

/// <summary>Issue 17: every built-in exercise and every rung of its ladder has a start and an end picture that exists.</summary>
public class ExercisePicturesTests
{
    private static readonly string PicturesFolder =
        Path.Combine(Fixtures.RepositoryRoot, "src", "RunStrong.Web", "wwwroot", "img", "exercises");

    public static TheoryData<string, string> Rungs()
    {
        var data = new TheoryData<string, string>();
        foreach (var exercise in BuiltInCatalogue.Exercises)
        {
            foreach (var variant in exercise.Progression)
            {
                data.Add(exercise.Slug, variant.Slug);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Rungs))]
    public void EveryRung_HasAStartAndAnEndPicture_WhoseFilesExist(string exerciseSlug, string variantSlug)
    {
        var exercise = BuiltInCatalogue.Find(exerciseSlug)!;
        var variant = exercise.Progression.Single(v => v.Slug == variantSlug);

        Assert.Equal([PicturePosition.Start, PicturePosition.End], variant.Pictures.Select(p => p.Position));
        foreach (var picture in variant.Pictures)
        {
            var file = Path.Combine(PicturesFolder, picture.File);
            Assert.True(File.Exists(file), $"{exerciseSlug}/{variantSlug}: {picture.File} is missing from wwwroot/img/exercises");
            Assert.StartsWith(exerciseSlug + "/", picture.File, StringComparison.Ordinal);
            Assert.StartsWith($"{variant.Name}, {(picture.Position == PicturePosition.Start ? "start" : "end")}: ", picture.Alt, StringComparison.Ordinal);
            Assert.True(picture.Alt.Length > variant.Name.Length + 20, $"{picture.File}: the alt text does not say what the position is");
            if (picture.IsPhoto)
            {
                Assert.Contains("Unlicense", picture.Credit, StringComparison.Ordinal);
                Assert.InRange(new FileInfo(file).Length, 5_000, 80_000);
            }
            else
            {
                Assert.Null(picture.Credit);
                Assert.Contains($"<title>{picture.Alt}</title>", File.ReadAllText(file), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void EveryExercise_HasMainPictures_PreferringAPhotograph()
    {
        foreach (var exercise in BuiltInCatalogue.Exercises)
        {
            Assert.Equal(2, exercise.MainPictures.Count);
        }

        Assert.Equal("hip-thrust/barbell-start.jpg", BuiltInCatalogue.Find("hip-thrust")!.MainPictures[0].File);
        Assert.Equal("fire-hydrant/bodyweight-start.svg", BuiltInCatalogue.Find("fire-hydrant")!.MainPictures[0].File);
        Assert.Equal("squat/goblet-end.jpg", BuiltInCatalogue.Find("squat")!.PicturesFor("goblet")[1].File);
        Assert.Same(BuiltInCatalogue.Find("squat")!.MainPictures, BuiltInCatalogue.Find("squat")!.PicturesFor("no-such-rung"));
    }

    [Fact]
    public void EveryFileInThePicturesFolder_IsUsedByTheCatalogue()
    {
        var used = BuiltInCatalogue.Exercises.SelectMany(e => e.Progression).SelectMany(v => v.Pictures).Select(p => p.File).ToHashSet();
        var files = Directory.EnumerateFiles(PicturesFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(PicturesFolder, f).Replace('\\', '/'))
            .Where(f => f != "ATTRIBUTION.md");

        Assert.All(files, f => Assert.Contains(f, used));
    }

    [Fact]
    public void Pictures_RoundTripThroughTheCatalogueJson()
    {
        var exercise = BuiltInCatalogue.Find("glute-bridge")!;

        var read = CatalogueJson.Parse("[" + CatalogueJson.SerializeEntry(exercise) + "]").Exercises.Single();

        Assert.Equal(exercise.Progression.SelectMany(v => v.Pictures), read.Progression.SelectMany(v => v.Pictures));
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg")]
    [InlineData("/etc/passwd.jpg")]
    [InlineData("https://example.com/a.jpg")]
    [InlineData("a/./b.jpg")]
    public void Parse_PictureOutsideItsFolder_IsRefused(string file)
    {
        var json = $$"""
            [{"slug": "x", "name": "X", "kind": "strength", "primaryMuscles": ["core"], "jointActions": ["trunk-stability"],
              "equipment": ["none"], "locations": ["home"], "level": "beginner", "dose": {"sets": 1, "seconds": 30},
              "progression": [{"slug": "a", "name": "A", "equipment": ["none"], "load": "bodyweight"}],
              "pictures": [{"file": "{{file}}", "position": "start", "alt": "X, start"}]}]
            """;

        var result = CatalogueJson.Parse(json);

        Assert.Empty(result.Exercises);
        Assert.Contains(result.Problems, p => p.Message.Contains("relative path inside the pictures folder", StringComparison.Ordinal));
    }
}
