using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Tests.Training;

public class TrainingLogTests
{
    [Theory]
    [InlineData(10, 0)]
    [InlineData(9, 1)]
    [InlineData(8, 2)]
    [InlineData(7, 3)]
    public void Rpe_MapsToRepsInReserve_PerZourdos2016(int rpe, int repsInReserve)
    {
        Assert.Equal(repsInReserve, Rpe.FromRating(rpe).RepsInReserve);
        Assert.Equal(rpe, Rpe.FromRepsInReserve(repsInReserve).Value);
    }

    [Fact]
    public void Rpe_HalfPointsAllowed_OthersRejectedWithMessage()
    {
        Assert.Equal(1.5, Rpe.FromRating(8.5).RepsInReserve);
        Assert.Equal("RPE must be a whole or half number (7, 7.5, 8), got 8.3", Assert.Throws<DomainValueException>(() => Rpe.FromRating(8.3)).Message);
        Assert.Equal("RPE must be between 1 and 10, got 11", Assert.Throws<DomainValueException>(() => Rpe.FromRating(11)).Message);
        Assert.Equal("reps in reserve must be between 0 and 9, got -1", Assert.Throws<DomainValueException>(() => Rpe.FromRepsInReserve(-1)).Message);
    }

    [Fact]
    public void LoggedSet_NegativeReps_NamesTheValue()
    {
        var error = Assert.Throws<DomainValueException>(() => new LoggedSet("hip-thrust", "barbell", -3));
        Assert.Equal("reps must be 0 or more, got -3", error.Message);
    }

    [Fact]
    public void LoggedSet_GuardsEveryValue()
    {
        Assert.Equal("exercise must not be empty", Assert.Throws<DomainValueException>(() => new LoggedSet(" ", "barbell", 8)).Message);
        Assert.Equal("seconds must be 1 or more, got 0", Assert.Throws<DomainValueException>(() => new LoggedSet("side-plank", "bodyweight", 0, seconds: 0)).Message);
        Assert.Equal("a completed set needs reps or seconds, got 0 reps and no seconds",
            Assert.Throws<DomainValueException>(() => new LoggedSet("hip-thrust", "barbell", 0)).Message);
        Assert.Equal("load in kg must be 0 or more, got -5", Assert.Throws<DomainValueException>(() => Mass.FromKilograms(-5)).Message);
    }

    [Fact]
    public void LoggedSet_FailedSetWithNoReps_IsAllowed()
    {
        var set = new LoggedSet("hip-thrust", "barbell", 0, load: Mass.FromKilograms(100), completed: false);
        Assert.False(set.Completed);
        Assert.Equal(100, set.Load!.Value.Kilograms);
    }

    [Fact]
    public void LoggedStrengthSession_NeedsAtLeastOneSet()
    {
        var error = Assert.Throws<DomainValueException>(() => new LoggedStrengthSession(TestLog.Monday, []));
        Assert.Equal("a strength session needs at least one set, got 0", error.Message);
    }

    [Fact]
    public void LoggedStrengthSession_SetsOf_FiltersByExercise()
    {
        var session = new LoggedStrengthSession(TestLog.Monday,
            [new LoggedSet("hip-thrust", "barbell", 10), new LoggedSet("squat", "bodyweight", 12), new LoggedSet("hip-thrust", "barbell", 9)],
            plannedSessionId: Guid.NewGuid(), notes: "  felt good ");
        Assert.Equal([10, 9], session.SetsOf("hip-thrust").Select(s => s.Reps));
        Assert.Equal("felt good", session.Notes);
    }

    [Fact]
    public void LoggedRun_GuardsValues()
    {
        Assert.Equal("distance in metres must be more than 0, got 0",
            Assert.Throws<DomainValueException>(() => new LoggedRun(TestLog.Monday, 0, TimeSpan.FromMinutes(30), RunType.Easy)).Message);
        Assert.Equal("RPE must be between 1 and 10, got 12",
            Assert.Throws<DomainValueException>(() => new LoggedRun(TestLog.Monday, 5000, TimeSpan.FromMinutes(30), RunType.Easy, rpe: 12)).Message);
        Assert.StartsWith("time on hills must be between 0 and the run's duration",
            Assert.Throws<DomainValueException>(() => new LoggedRun(TestLog.Monday, 5000, TimeSpan.FromMinutes(30), RunType.Hills, timeOnHills: TimeSpan.FromMinutes(31))).Message);
    }

    [Fact]
    public void SorenessCheckIn_ScoreIs0To10()
    {
        Assert.Equal(7, new SorenessCheckIn(TestLog.Monday, BodyArea.Calves, 7).Score);
        Assert.Equal("soreness must be between 0 and 10, got 11",
            Assert.Throws<DomainValueException>(() => new SorenessCheckIn(TestLog.Monday, BodyArea.Calves, 11)).Message);
    }

    [Theory]
    [InlineData("60kg", 60)]
    [InlineData("60 kg", 60)]
    [InlineData("62.5 KG", 62.5)]
    [InlineData("62,5kg", 62.5)]
    [InlineData("135 lb", 61.2349699)]
    [InlineData("135lbs", 61.2349699)]
    [InlineData(" 20 kilos ", 20)]
    public void Mass_TryParse_ReadsNumberAndUnit(string text, double kilograms)
    {
        Assert.True(Mass.TryParse(text, out var mass, out var error), error);
        Assert.Equal(kilograms, mass.Kilograms, 6);
    }

    [Theory]
    [InlineData("60", "'60' has no unit: write 60kg or 60 lb")]
    [InlineData("heavy", "'heavy' is not a load: write a number and a unit, such as 60kg or 135 lb")]
    [InlineData("-5kg", "'-5kg' is not a load: write a number and a unit, such as 60kg or 135 lb")]
    [InlineData("", "enter a load with its unit, such as 60kg or 135 lb")]
    public void Mass_TryParse_ExplainsWhatIsWrong(string text, string message)
    {
        Assert.False(Mass.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => Mass.Parse(text)).Message);
    }

    [Fact]
    public void Mass_PoundsRoundTrip_AndFormat()
    {
        var mass = Mass.FromPounds(135);
        Assert.Equal(135, mass.Pounds, 9);
        Assert.Equal("135 lb", mass.Format(MassUnit.Pounds));
        Assert.Equal("61.23 kg", mass.ToString());
        Assert.Equal("62.5 kg", Mass.FromKilograms(62.5).ToString());
    }

    [Fact]
    public void BodyAreas_FromMusclesAndJointActions()
    {
        Assert.Equal(new[] { BodyArea.Glutes, BodyArea.Hamstrings, BodyArea.Hips }.Order(), BodyAreas.LoadedBy(TestLog.HipThrust).Order());
        Assert.Contains(BodyArea.Knees, BodyAreas.LoadedBy(TestLog.Squat));
        Assert.DoesNotContain(BodyArea.Knees, BodyAreas.LoadedBy(TestLog.HipThrust));
        Assert.Equal([BodyArea.Calves], BodyAreas.LoadedBy(TestLog.CalfRaise));
    }

    [Fact]
    public void BodyArea_IsWrittenKebabCase() => Assert.Equal("lower-back", Kebab.Name(BodyArea.LowerBack));
}
