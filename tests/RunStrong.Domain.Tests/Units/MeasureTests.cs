using RunStrong.Domain.Units;

namespace RunStrong.Domain.Tests.Units;

public class MeasureTests
{
    [Theory]
    [InlineData(10000, DistanceUnit.Kilometres, "10.00 km")]
    [InlineData(10000, DistanceUnit.Miles, "6.21 mi")]
    [InlineData(1609.344, DistanceUnit.Miles, "1.00 mi")]
    [InlineData(42195, DistanceUnit.Miles, "26.22 mi")]
    [InlineData(-1, DistanceUnit.Kilometres, "–")]
    [InlineData(double.NaN, DistanceUnit.Miles, "–")]
    public void Distance_InTheRunnersUnit(double metres, DistanceUnit unit, string expected) =>
        Assert.Equal(expected, Measure.Distance(metres, unit));

    [Theory]
    [InlineData(300, DistanceUnit.Kilometres, "5:00 /km")]
    [InlineData(300, DistanceUnit.Miles, "8:03 /mi")] // 300 s/km x 1.609344 = 482.8 s
    [InlineData(240, DistanceUnit.Miles, "6:26 /mi")]
    [InlineData(0, DistanceUnit.Kilometres, "–")]
    [InlineData(double.PositiveInfinity, DistanceUnit.Kilometres, "–")]
    public void Pace_InTheRunnersUnit(double secondsPerKm, DistanceUnit unit, string expected) =>
        Assert.Equal(expected, Measure.Pace(secondsPerKm, unit));

    [Theory]
    [InlineData(245, "4:05")]
    [InlineData(3723, "1:02:03")]
    [InlineData(59.6, "1:00")]
    public void Duration_MinutesOrHours(double seconds, string expected) => Assert.Equal(expected, Measure.Duration(seconds));

    [Theory]
    [InlineData("km", DistanceUnit.Kilometres)]
    [InlineData(" Miles ", DistanceUnit.Miles)]
    [InlineData("mi", DistanceUnit.Miles)]
    public void TryParse_KnowsTheNames(string text, DistanceUnit expected)
    {
        Assert.True(Measure.TryParse(text, out var unit));
        Assert.Equal(expected, unit);
    }

    [Fact]
    public void TryParse_RefusesOthers() => Assert.False(Measure.TryParse("furlongs", out _));

    [Theory]
    [InlineData(100, DistanceUnit.Kilometres, "100 m", "+100 m")]
    [InlineData(100, DistanceUnit.Miles, "328 ft", "+328 ft")]
    [InlineData(-5, DistanceUnit.Miles, "-16 ft", "−16 ft")]
    [InlineData(0.1, DistanceUnit.Kilometres, "0 m", "0 m")]
    [InlineData(double.NaN, DistanceUnit.Miles, "–", "–")]
    public void Height_InFeetBesideMiles(double metres, DistanceUnit unit, string height, string change)
    {
        Assert.Equal(height, Measure.Height(metres, unit));
        Assert.Equal(change, Measure.HeightChange(metres, unit));
    }

    [Theory]
    [InlineData(850.0, DistanceUnit.Kilometres, "850 m")]
    [InlineData(850.0, DistanceUnit.Miles, "0.53 mi")]
    [InlineData(null, DistanceUnit.Miles, "–")]
    public void Stretch_AClimbsLength_InMetresBesideKm_InMilesBesideMiles(double? metres, DistanceUnit unit, string expected) =>
        Assert.Equal(expected, Measure.Stretch(metres, unit));
}
