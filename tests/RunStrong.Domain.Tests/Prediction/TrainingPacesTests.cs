using RunStrong.Domain.Prediction;

namespace RunStrong.Domain.Tests.Prediction;

/// <summary>Daniels' training paces (Daniels 2014) against his published VDOT table.</summary>
public class TrainingPacesTests
{
    [Fact]
    public void Vdot50_ThresholdAndIntervalPaces_MatchDanielsTable()
    {
        // Daniels' table, VDOT 50: T 4:15 /km, I 3:55 /km (M 4:31 /km is the marathon's 3:10:49 of domain.md §5).
        var threshold = TrainingPaces.Threshold(50);
        var interval = TrainingPaces.Interval(50);

        Assert.InRange(threshold.Fast, 255 - 3, 255 + 3);
        Assert.InRange(235, interval.Fast, interval.Slow);
        Assert.True(threshold.Fast < threshold.Slow);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(40)]
    [InlineData(50)]
    [InlineData(60)]
    [InlineData(70)]
    public void Paces_AreOrdered_EasySlowerThanThresholdSlowerThanInterval_AndAllSlowerThanA5kRace(double vdot)
    {
        var easy = TrainingPaces.Easy(vdot);
        var threshold = TrainingPaces.Threshold(vdot);
        var interval = TrainingPaces.Interval(vdot);
        var fiveK = DanielsGilbert.Predict(vdot, RaceDistance.FiveK).TotalSeconds / 5;

        Assert.True(easy.Fast > threshold.Slow, $"easy {easy.Fast} vs threshold {threshold.Slow}");
        Assert.True(threshold.Fast > interval.Slow, $"threshold {threshold.Fast} vs interval {interval.Slow}");
        Assert.True(interval.Slow > fiveK - 10, "interval pace is about 5 km race pace, not faster");
    }

    [Fact]
    public void SpeedAt_InvertsTheOxygenCost()
    {
        foreach (var speed in new[] { 150.0, 200, 268, 350 })
        {
            Assert.Equal(speed, TrainingPaces.SpeedAt(DanielsGilbert.OxygenCost(speed)), 6);
        }
    }

    [Theory]
    [InlineData(29.9, false)]
    [InlineData(30, true)]
    [InlineData(85, true)]
    [InlineData(85.1, false)]
    [InlineData(double.NaN, false)]
    public void IsCovered_IsDanielsTableRange(double vdot, bool covered) => Assert.Equal(covered, TrainingPaces.IsCovered(vdot));
}
