using RunStrong.Domain.Activities.Metrics;

namespace RunStrong.Domain.Tests.Activities;

/// <summary>The vectors of domain.md §7.</summary>
public class ElevationAndGradeTests
{
    private static readonly double[] Vector = [100, 102, 104, 103, 107, 106, 100, 104];

    [Theory]
    [InlineData(3.0, 8.0, 4.0)]
    [InlineData(0.0, 12.0, 8.0)]
    public void GainWithHysteresis_DomainVector(double threshold, double ascent, double descent)
    {
        var change = Elevation.GainWithHysteresis(Vector, threshold);

        Assert.Equal(ascent, change.AscentMeters, 1e-9);
        Assert.Equal(descent, change.DescentMeters, 1e-9);
    }

    [Fact]
    public void GainWithHysteresis_SkipsMissingAltitudes()
    {
        Assert.Equal(8.0, Elevation.GainWithHysteresis([double.NaN, 100, double.NaN, 102, 104, 103, 107, 106, 100, 104]).AscentMeters, 1e-9);
    }

    [Theory]
    [InlineData(0.10, 1.658)]
    [InlineData(0.05, 1.301)]
    [InlineData(-0.05, 0.763)]
    [InlineData(-0.10, 0.598)]
    [InlineData(0.0, 1.0)]
    public void MinettiFactor_DomainVectors(double grade, double factor)
    {
        Assert.Equal(factor, GradeAdjustedPace.Factor(grade), 0.0005);
    }

    [Fact]
    public void MinettiFactor_ClampsBeyondFortyFivePercent()
    {
        Assert.Equal(GradeAdjustedPace.Factor(0.45), GradeAdjustedPace.Factor(0.9));
        Assert.Equal(GradeAdjustedPace.Factor(-0.45), GradeAdjustedPace.Factor(-2));
    }

    [Fact]
    public void AdjustPace_UphillPaceIsFasterOnTheFlat()
    {
        // 6:00/km up 10 % costs as much as 360 / 1.658 = 217 s/km on the flat.
        Assert.Equal(217.1, GradeAdjustedPace.AdjustPace(360, 0.10), 0.1);
    }

    [Fact]
    public void Haversine_OneDegreeOfLatitude()
    {
        // π·R/180 on the mean-radius sphere.
        Assert.Equal(111_195.08, Geodesy.HaversineMeters(0, 0, 1, 0), 0.01);
        Assert.Equal(0, Geodesy.HaversineMeters(46, 7, 46, 7));
    }
}
