using RunStrong.Domain.Activities.Metrics;

namespace RunStrong.Domain.Tests.Activities;

public class BestEffortsTests
{
    [Fact]
    public void Fastest_ConstantPace_IsDistanceOverSpeed()
    {
        // 4 m/s for 3 km, a sample every 7 s so the windows need interpolation at the ends.
        var t = Enumerable.Range(0, 120).Select(i => i * 7.0).ToArray();
        var d = t.Select(s => s * 4).ToArray();

        Assert.Equal(100, BestEfforts.Fastest(t, d, 400)!.Value, 1e-9);
        Assert.Equal(250, BestEfforts.Fastest(t, d, 1000)!.Value, 1e-9);
        Assert.Null(BestEfforts.Fastest(t, d, 5000));
    }

    [Fact]
    public void Fastest_FindsTheFastStretchInTheMiddle()
    {
        // 0–1000 m at 4 m/s (250 s), 1000–1400 m at 5 m/s (80 s), 1400–2400 m at 4 m/s.
        double[] t = [0, 250, 330, 580];
        double[] d = [0, 1000, 1400, 2400];

        Assert.Equal(80, BestEfforts.Fastest(t, d, 400)!.Value, 1e-9);
        // The best kilometre holds the 400 m stretch and 600 m at 4 m/s: 80 + 150.
        Assert.Equal(230, BestEfforts.Fastest(t, d, 1000)!.Value, 1e-9);
    }

    [Fact]
    public void Fastest_WindowMayStartBetweenSamples()
    {
        // The fast part (5 m/s) is from 100 m to 500 m, but samples sit at 0, 300, 500 and 900 m.
        double[] t = [0, 25 + 40, 25 + 80, 25 + 80 + 100];
        double[] d = [0, 300, 500, 900];

        // Linear interpolation inside each sample interval: 0–300 m took 65 s, so the window 100–500 m costs
        // 65·(200/300) + 40 = 83.33 s; the best 400 m window is the one ending on the 500 m sample.
        Assert.Equal(83.333, BestEfforts.Fastest(t, d, 400)!.Value, 0.001);
    }

    [Fact]
    public void StandardDistances_AreTheSevenOfDomainMd()
    {
        Assert.Equal([400, 1000, 1609.344, 5000, 10000, 21097.5, 42195], BestEfforts.StandardDistancesMeters);
    }
}
