using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Tests.Catalogue;

public class KebabTests
{
    [Fact]
    public void Name_PascalCaseValues_AreKebabCase()
    {
        Assert.Equal("gluteus-maximus", Kebab.Name(Muscle.GluteusMaximus));
        Assert.Equal("loop-band", Kebab.Name(Equipment.LoopBand));
        Assert.Equal("hip-extension", Kebab.Name(JointAction.HipExtension));
        Assert.Equal("hip-thrust-machine", Kebab.Name(Equipment.HipThrustMachine));
    }

    [Theory]
    [InlineData("gluteus-medius", Muscle.GluteusMedius)]
    [InlineData("GluteusMedius", Muscle.GluteusMedius)]
    [InlineData("Gluteus Medius", Muscle.GluteusMedius)]
    [InlineData(" calves ", Muscle.Calves)]
    public void TryParse_AcceptsKebabPascalAndSpaced(string text, Muscle expected)
    {
        Assert.True(Kebab.TryParse<Muscle>(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("biceps")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownOrNumeric_IsFalse(string? text) => Assert.False(Kebab.TryParse<Muscle>(text, out _));

    [Theory]
    [InlineData("Barbell Hip Thrust", "barbell-hip-thrust")]
    [InlineData("Single-Leg  Romanian Deadlift!", "single-leg-romanian-deadlift")]
    [InlineData("Übung 3/4", "ubung-3-4")]
    public void Slugify_FreeText_GivesKebabSlug(string text, string expected) => Assert.Equal(expected, Kebab.Slugify(text));
}
