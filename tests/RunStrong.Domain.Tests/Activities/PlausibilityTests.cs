using RunStrong.Domain.Activities.Metrics;

namespace RunStrong.Domain.Tests.Activities;

public class PlausibilityTests
{
    [Theory]
    [InlineData(400, 43.03)]
    [InlineData(1609.344, 223.13)]
    [InlineData(5000, 755.36)]
    [InlineData(10000, 1571.00)]
    [InlineData(21097.5, 3402)]
    [InlineData(42195, 7235)]
    public void WorldRecordSeconds_AtARecordDistance_IsTheRecord(double meters, double seconds)
    {
        Assert.Equal(seconds, Plausibility.WorldRecordSeconds(meters), 1e-9);
    }

    [Fact]
    public void WorldRecordSeconds_BetweenRecords_FollowsTheirRiegelCurve()
    {
        // 5 km 12:35.36 and 10 km 26:11.00 give an exponent of 1.057; 7.5 km lies on that curve.
        var exponent = Math.Log(1571.00 / 755.36) / Math.Log(2);

        Assert.Equal(755.36 * Math.Pow(1.5, exponent), Plausibility.WorldRecordSeconds(7500), 1e-6);
        Assert.InRange(Plausibility.WorldRecordSeconds(7500), 755.36, 1571.00);
    }

    [Theory]
    [InlineData(5000, 12 * 60 + 30, true)]
    [InlineData(5000, 12 * 60 + 40, false)]
    [InlineData(2730, 313, true)]
    [InlineData(42195, 2 * 3600 + 60, false)]
    public void IsFasterThanWorldRecord(double meters, double seconds, bool faster)
    {
        Assert.Equal(faster, Plausibility.IsFasterThanWorldRecord(meters, seconds));
    }

    [Fact]
    public void MaxAscent_IsTheVerticalKilometreRecordPace()
    {
        Assert.Equal(2194, Plausibility.MaxAscentMetersPerSecond * 3600, 1.0);
    }
}
