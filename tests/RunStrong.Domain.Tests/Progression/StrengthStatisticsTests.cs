using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using static RunStrong.Domain.Tests.Training.TestLog;

namespace RunStrong.Domain.Tests.Progression;

public class StrengthStatisticsTests
{
    [Theory]
    [InlineData(100, 5, 116.67, 112.50)]
    [InlineData(100, 1, 100, 100)]
    [InlineData(80, 10, 106.67, 106.67)]
    [InlineData(60, 8, 76, 74.48)]
    public void OneRepMax_EpleyAndBrzycki(double kg, int reps, double epley, double brzycki)
    {
        Assert.Equal(epley, OneRepMax.Epley(Mass.FromKilograms(kg), reps)!.Value.Kilograms, 2);
        Assert.Equal(brzycki, OneRepMax.Brzycki(Mass.FromKilograms(kg), reps)!.Value.Kilograms, 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(20)]
    public void OneRepMax_OutsideOneToTenReps_IsNotEstimated(int reps)
    {
        Assert.Null(OneRepMax.Epley(Mass.FromKilograms(60), reps));
        Assert.Null(OneRepMax.Brzycki(Mass.FromKilograms(60), reps));
    }

    [Fact]
    public void OneRepMax_Estimate_SkipsFailedAndUnloadedSets()
    {
        Assert.Null(OneRepMax.Estimate(new LoggedSet("hip-thrust", "bodyweight", 5)));
        Assert.Null(OneRepMax.Estimate(new LoggedSet("hip-thrust", "barbell", 5, load: Mass.FromKilograms(100), completed: false)));
        Assert.Equal(116.67, OneRepMax.Estimate(new LoggedSet("hip-thrust", "barbell", 5, load: Mass.FromKilograms(100)))!.Value.Kilograms, 2);
    }

    [Fact]
    public void PersonalRecords_HeaviestBestEstimateAndMostRepsAtEachLoad()
    {
        var sessions = new[]
        {
            Session(Monday, HipThrust, "bodyweight", [15, 20]),
            Session(Monday.AddDays(7), HipThrust, "barbell", [12, 10], kg: 60),
            Session(Monday.AddDays(14), HipThrust, "barbell", [5], kg: 80),
            Session(Monday.AddDays(21), HipThrust, "barbell", [12], kg: 60),
            Session(Monday.AddDays(28), HipThrust, "barbell", [3, 1], kg: 90, failedFrom: 1),
            Session(Monday.AddDays(28), Squat, "goblet", [8], kg: 200),
        };

        var records = PersonalRecords.For("hip-thrust", sessions);

        Assert.Equal(90, records.HeaviestLoad!.Load!.Value.Kilograms);
        Assert.Equal(3, records.HeaviestLoad.Reps);
        Assert.Equal(Monday.AddDays(28), records.BestEstimatedOneRepMax!.Date); // 90 x 3 = 99 kg beats 80 x 5 = 93.3 kg
        Assert.Equal(99, records.BestEstimatedOneRepMax.EstimatedOneRepMax!.Value.Kilograms, 2);
        Assert.Equal(
            [("barbell", 90.0, 3), ("barbell", 80.0, 5), ("barbell", 60.0, 12), ("bodyweight", 0.0, 20)],
            records.MostRepsAtLoad.Select(r => (r.VariantSlug, r.Load?.Kilograms ?? 0, r.Reps)));
        Assert.Equal(Monday.AddDays(7), records.MostRepsAtLoad[2].Date); // the tie at 12 reps keeps the first day
    }
}
