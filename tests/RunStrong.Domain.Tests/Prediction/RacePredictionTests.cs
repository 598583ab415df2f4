using RunStrong.Domain.Prediction;

namespace RunStrong.Domain.Tests.Prediction;

public class RacePredictionTests
{
    private static readonly RaceTime Twenty = RaceTime.FromMinutes(20);

    public static TheoryData<string, string> RiegelVectors => new()
    {
        { "10k", "41:42" },
        { "half", "1:32:00" },
        { "marathon", "3:11:49" },
    };

    public static TheoryData<string, string> CameronVectors => new()
    {
        { "10k", "41:40" },
        { "half", "1:31:51" },
        { "marathon", "3:15:11" },
    };

    [Theory]
    [MemberData(nameof(RiegelVectors))]
    public void Riegel_From5kIn20_MatchesDomainVectors(string target, string expected) =>
        Assert.Equal(expected, Riegel.Predict(RaceDistance.FiveK, Twenty, RaceDistance.Parse(target)).ToString());

    [Theory]
    [MemberData(nameof(CameronVectors))]
    public void Cameron_From5kIn20_MatchesDomainVectors(string target, string expected) =>
        Assert.Equal(expected, Cameron.Predict(RaceDistance.FiveK, Twenty, RaceDistance.Parse(target)).ToString());

    [Theory]
    [InlineData("half-marathon", 21097.5)]
    [InlineData("Half Marathon", 21097.5)]
    [InlineData("400", 400)]
    [InlineData("5000", 5000)]
    [InlineData("10 k", 10000)]
    [InlineData("6.2mi", 9977.9328)]
    public void RaceDistance_ReadsWhatRunnersWrite(string text, double metres) =>
        Assert.Equal(metres, RaceDistance.Parse(text).Metres, 6);

    [Theory]
    [InlineData("-5k", "'-5k' is not a distance I know")]
    [InlineData("10", "'10' has no unit: write 10k, 10 mi or 10 m")]
    [InlineData("42.2", "'42.2' has no unit: write 42.2k, 42.2 mi or 42.2 m")]
    [InlineData("0m", "'0m' is not a distance I know")]
    public void RaceDistance_ANegativeOrUnitlessSmallNumber_IsRefused_NotGuessed(string text, string message)
    {
        Assert.False(RaceDistance.TryParse(text, out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Riegel_ExponentIsAdjustable()
    {
        var marathon = Riegel.Predict(RaceDistance.HalfMarathon, RaceTime.Parse("1:32:00"), RaceDistance.Marathon, Riegel.MarathonExponent);
        Assert.Equal("3:24:10", marathon.ToString());
        Assert.Equal("Riegel exponent must be between 1 and 1.3, got 2",
            Assert.Throws<RunStrong.Domain.Training.DomainValueException>(() => Riegel.Predict(RaceDistance.FiveK, Twenty, RaceDistance.TenK, 2)).Message);
    }

    [Fact]
    public void Vdot_5kIn20_Is49Point81() =>
        Assert.Equal(49.81, DanielsGilbert.Vdot(RaceDistance.FiveK, Twenty), 2);

    public static TheoryData<double, string, string> VdotTable => new()
    {
        { 30, "5k", "30:40" }, { 30, "10k", "63:46" }, { 30, "half", "2:21:04" }, { 30, "marathon", "4:49:17" },
        { 40, "5k", "24:08" }, { 40, "10k", "50:03" }, { 40, "half", "1:50:59" }, { 40, "marathon", "3:49:45" },
        { 50, "5k", "19:57" }, { 50, "10k", "41:21" }, { 50, "half", "1:31:35" }, { 50, "marathon", "3:10:49" },
        { 60, "5k", "17:03" }, { 60, "10k", "35:22" }, { 60, "half", "1:18:09" }, { 60, "marathon", "2:43:25" },
        { 70, "5k", "14:55" }, { 70, "10k", "31:00" }, { 70, "half", "1:08:21" }, { 70, "marathon", "2:23:10" },
    };

    [Theory]
    [MemberData(nameof(VdotTable))]
    public void DanielsGilbert_Predict_MatchesPublishedTableWithinQuarterPercent(double vdot, string distance, string published)
    {
        var expected = ParseLong(published);
        var predicted = DanielsGilbert.Predict(vdot, RaceDistance.Parse(distance)).TotalSeconds;
        Assert.InRange(Math.Abs(predicted - expected) / expected, 0, 0.0025);
    }

    [Theory]
    [MemberData(nameof(VdotTable))]
    public void DanielsGilbert_VdotOfTableTime_IsTheRowsVdotWithinHalfAPoint(double vdot, string distance, string published) =>
        Assert.Equal(vdot, DanielsGilbert.Vdot(RaceDistance.Parse(distance), RaceTime.FromSeconds(ParseLong(published))), 0.5);

    [Fact]
    public void DanielsGilbert_PredictBackToSameDistance_GivesSameTime() =>
        Assert.Equal(1200, DanielsGilbert.Predict(RaceDistance.FiveK, Twenty, RaceDistance.FiveK).TotalSeconds, 3);

    [Fact]
    public void DanielsGilbert_ImpossibleVdot_IsRejected() =>
        Assert.Throws<RunStrong.Domain.Training.DomainValueException>(() => DanielsGilbert.Predict(500, RaceDistance.FiveK));

    [Fact]
    public void RacePredictor_ShowsModelsSideBySide_WithDisplayPrecision()
    {
        var predictions = RacePredictor.Predict(RaceDistance.FiveK, Twenty, [RaceDistance.TenK, RaceDistance.HalfMarathon, RaceDistance.Marathon]);

        var tenK = predictions[0];
        Assert.Equal("41:42", tenK.Riegel.ToString());
        Assert.Equal("41:40", tenK.Cameron.ToString());
        Assert.Equal(TimeSpan.FromSeconds(5), tenK.Precision);
        Assert.Equal("41:40", tenK.Display(tenK.Riegel));
        Assert.Empty(tenK.Notes);

        var half = predictions[1];
        Assert.Equal("1:32:00", half.Display(half.Riegel));
        Assert.Equal("1:32:00", half.Display(half.Cameron));

        var marathon = predictions[2];
        Assert.Equal("3h12", marathon.Display(marathon.Riegel));
        Assert.Equal("3h15", marathon.Display(marathon.Cameron));
        Assert.Equal(marathon.Cameron, marathon.Slowest);
        Assert.Contains(RacePredictor.MarathonCaveat, marathon.Notes);
        Assert.Contains(marathon.Notes, n => n.StartsWith("Predicted from a 5k over a marathon: 8 times longer", StringComparison.Ordinal));
        Assert.Equal(49.81, marathon.Vdot, 2);
    }

    [Theory]
    [InlineData("1k", 1)]
    [InlineData("5k", 5)]
    [InlineData("15k", 5)]
    [InlineData("half", 30)]
    [InlineData("marathon", 60)]
    public void DisplayPrecision_GrowsWithDistance(string distance, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RacePredictor.DisplayPrecision(RaceDistance.Parse(distance)));

    [Fact]
    public void TimeNeeded_WhatFiveKForAHalfIn130()
    {
        var needed = RacePredictor.TimeNeeded(RaceDistance.HalfMarathon, RaceTime.Parse("1:30:00"), RaceDistance.FiveK);
        Assert.Equal(RaceDistance.FiveK, needed.Target);
        // Riegel is symmetric: 1:30:00 · (5000/21097.5)^1.06.
        var riegel = needed.Riegel!.Value;
        Assert.Equal(5400 * Math.Pow(5000 / 21097.5, 1.06), riegel.TotalSeconds, 6);
        Assert.Equal("19:35", needed.Display(riegel));
        var back = Riegel.Predict(RaceDistance.FiveK, riegel, RaceDistance.HalfMarathon);
        Assert.Equal(5400, back.TotalSeconds, 6);
    }

    [Fact]
    public void MonthlyTrend_TakesEachMonthsBestByVdot()
    {
        var performances = new[]
        {
            new Performance(new DateOnly(2026, 1, 10), RaceDistance.FiveK, RaceTime.Parse("21:00")),
            new Performance(new DateOnly(2026, 1, 24), RaceDistance.TenK, RaceTime.Parse("43:00")),
            new Performance(new DateOnly(2026, 3, 7), RaceDistance.FiveK, RaceTime.Parse("20:00")),
        };

        var trend = RacePredictor.MonthlyTrend(performances);

        Assert.Equal(2, trend.Count);
        Assert.Equal((2026, 1), (trend[0].Year, trend[0].Month));
        Assert.Equal(RaceDistance.TenK, trend[0].Best.Distance);
        Assert.Equal(DanielsGilbert.Vdot(RaceDistance.TenK, RaceTime.Parse("43:00")), trend[0].Vdot, 9);
        Assert.Equal(3, trend[1].Month);
        Assert.Equal(1200, trend[1].FiveK.TotalSeconds, 1);
        Assert.True(trend[1].TenK < trend[0].TenK);
    }

    [Fact]
    public void Predict_InsideEveryRange_LeavesNoModelOut()
    {
        var marathon = RacePredictor.Predict(RaceDistance.FiveK, Twenty, RaceDistance.Marathon);

        Assert.Empty(marathon.LeftOut);
        Assert.DoesNotContain(marathon.Notes, n => n.StartsWith("No ", StringComparison.Ordinal));
        Assert.Equal("3h11", marathon.Display(marathon.DanielsGilbert));
    }

    [Fact]
    public void Predict_VdotBelowDanielsTables_LeavesVdotOutWithANote()
    {
        // 5 km in 2:00:00 is VDOT 3.8: a slow walk, far below the 30 where Daniels' tables begin (domain.md §5).
        var marathon = RacePredictor.Predict(RaceDistance.FiveK, RaceTime.Parse("2:00:00"), RaceDistance.Marathon);

        Assert.Null(marathon.DanielsGilbert);
        Assert.Equal("—", marathon.Display(marathon.DanielsGilbert));
        Assert.Contains("No VDOT prediction: 5k in 2:00:00 gives a VDOT of 3.8, outside the 30–85 that Daniels' tables cover.", marathon.Notes);
        Assert.NotNull(marathon.Riegel);
        Assert.Equal(marathon.Cameron, marathon.Slowest);
    }

    [Fact]
    public void Predict_VdotAboveDanielsTables_LeavesVdotOut()
    {
        // A 5 km in 12:36, a second off the world record, is a VDOT of 85.2.
        var tenK = RacePredictor.Predict(RaceDistance.FiveK, RaceTime.Parse("12:36"), RaceDistance.TenK);

        Assert.Null(tenK.DanielsGilbert);
        Assert.Contains("No VDOT prediction: 5k in 12:36 gives a VDOT of 85.2, outside the 30–85 that Daniels' tables cover.", tenK.Notes);
    }

    [Fact]
    public void Predict_ModelFasterThanTheTargetsWorldRecord_IsLeftOut()
    {
        // A 3:46 mile is possible (WR 3:43.13) and inside Daniels' tables, but Riegel's 1.06 takes it to a 1h57 marathon,
        // faster than Kiptum's 2:00:35.
        var marathon = RacePredictor.Predict(RaceDistance.Mile, RaceTime.Parse("3:46"), RaceDistance.Marathon);

        Assert.Null(marathon.Riegel);
        Assert.Contains("No Riegel prediction for the marathon: it would be faster than the world record (2:00:35).", marathon.Notes);
        foreach (var time in new[] { marathon.Riegel, marathon.DanielsGilbert, marathon.Cameron }.OfType<RaceTime>())
        {
            Assert.True(time.TotalSeconds >= 7235, $"{time} is faster than the marathon world record");
        }
    }

    [Theory]
    [InlineData("5k", "12:00", "5k in 12:00 is faster than the world record for the distance (12:35): check the time and the distance")]
    [InlineData("100", "0:12", "100m in 0:12 is too short to predict races from: the models start from results of 1500 m and 3.5 minutes or more (Daniels' tables, Riegel 1981); enter a mile or longer")]
    [InlineData("1k", "3:10", "1k in 3:10 is too short to predict races from: the models start from results of 1500 m and 3.5 minutes or more (Daniels' tables, Riegel 1981); enter a mile or longer")]
    public void WhyNotAStart_RefusesWorldRecordsAndSprints(string distance, string time, string expected) =>
        Assert.Equal(expected, RacePredictor.WhyNotAStart(RaceDistance.Parse(distance), RaceTime.Parse(time)));

    [Theory]
    [InlineData("1mi", "6:00")]
    [InlineData("5k", "2:00:00")]
    [InlineData("marathon", "2:01:00")]
    public void WhyNotAStart_AcceptsResultsOfAMileOrMoreThatSomeoneCanRun(string distance, string time) =>
        Assert.Null(RacePredictor.WhyNotAStart(RaceDistance.Parse(distance), RaceTime.Parse(time)));

    [Fact]
    public void MonthlyTrend_CountsEffortsFromARunWalkToDanielsTop_WithRiegelBelowTheTables()
    {
        var performances = new[]
        {
            new Performance(new DateOnly(2026, 1, 10), RaceDistance.FiveK, RaceTime.Parse("21:00")),
            // Faster than the world record, a kilometre (shorter than 1500 m) and a VDOT over 85: none counts.
            new Performance(new DateOnly(2026, 1, 11), RaceDistance.FiveK, RaceTime.Parse("12:00")),
            new Performance(new DateOnly(2026, 1, 12), RaceDistance.Kilometre, RaceTime.Parse("2:40")),
            new Performance(new DateOnly(2026, 1, 13), RaceDistance.FiveK, RaceTime.Parse("12:36")),
            // A beginner's month, VDOT 25 (below Daniels' tables): its times are Riegel's, and say so.
            new Performance(new DateOnly(2026, 2, 7), RaceDistance.FiveK, RaceTime.Parse("36:00")),
            // A walk (VDOT under 15, a 5 km in 60 minutes) is no trend point.
            new Performance(new DateOnly(2026, 3, 7), RaceDistance.FiveK, RaceTime.Parse("1:00:00")),
        };

        var trend = RacePredictor.MonthlyTrend(performances);

        Assert.Equal([1, 2], trend.Select(m => m.Month));
        var (january, february) = (trend[0], trend[1]);
        Assert.Equal(RaceTime.Parse("21:00"), january.Best.Time);
        Assert.Equal(PredictionModel.DanielsGilbert, january.Model);
        Assert.Equal(PredictionModel.Riegel, february.Model);
        Assert.Equal(24.7, february.Vdot, 1);
        Assert.Equal("36:00", february.FiveK.ToString());
        Assert.Equal(Riegel.Predict(RaceDistance.FiveK, RaceTime.Parse("36:00"), RaceDistance.TenK), february.TenK); // 75:03
        Assert.Equal("1:15:03", february.TenK.ToString());
    }

    [Theory]
    [InlineData("41:42", 2502)]
    [InlineData("1:32:00", 5520)]
    [InlineData("3:11:49", 11509)]
    [InlineData("95:00", 5700)]
    [InlineData("4:05.3", 245.3)]
    [InlineData(" 0:19:57 ", 1197)]
    public void RaceTime_Parse_ReadsMinutesAndHours(string text, double seconds) =>
        Assert.Equal(seconds, RaceTime.Parse(text).TotalSeconds, 6);

    [Theory]
    [InlineData("00:00", "'00:00' is no time at all: a time must be more than 0:00")]
    [InlineData("0:00:00", "'0:00:00' is no time at all: a time must be more than 0:00")]
    [InlineData("fast", "'fast' is not a time: write mm:ss or h:mm:ss, such as 41:42 or 1:32:00")]
    [InlineData("20", "'20' is not a time: write mm:ss or h:mm:ss, such as 41:42 or 1:32:00")]
    [InlineData("1:2:3:4", "'1:2:3:4' is not a time: write mm:ss or h:mm:ss, such as 41:42 or 1:32:00")]
    [InlineData("20:5", "'20:5' is not a time: write mm:ss or h:mm:ss, such as 41:42 or 1:32:00")]
    [InlineData("-5:00", "'-5:00' is not a time: write mm:ss or h:mm:ss, such as 41:42 or 1:32:00")]
    [InlineData("20:75", "'20:75' is not a time: minutes and seconds go up to 59 (write mm:ss or h:mm:ss, such as 41:42 or 1:32:00)")]
    [InlineData("1:75:00", "'1:75:00' is not a time: minutes and seconds go up to 59 (write mm:ss or h:mm:ss, such as 41:42 or 1:32:00)")]
    [InlineData("", "enter a time: write mm:ss or h:mm:ss, such as 41:42 or 1:32:00")]
    public void RaceTime_Parse_RejectsWithMessage(string text, string message)
    {
        Assert.False(RaceTime.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => RaceTime.Parse(text)).Message);
    }

    [Theory]
    [InlineData("400m", 400, "400m")]
    [InlineData("1k", 1000, "1k")]
    [InlineData("1 km", 1000, "1k")]
    [InlineData("1mi", 1609.344, "1mi")]
    [InlineData("Mile", 1609.344, "1mi")]
    [InlineData("5k", 5000, "5k")]
    [InlineData("10K", 10000, "10k")]
    [InlineData("15k", 15000, "15k")]
    [InlineData("half", 21097.5, "half")]
    [InlineData("Half Marathon", 21097.5, "half")]
    [InlineData("marathon", 42195, "marathon")]
    [InlineData("3000", 3000, "3k")]
    [InlineData("1500m", 1500, "1500m")]
    [InlineData("5 miles", 8046.72, "8046.7m")]
    [InlineData("26.2mi", 42164.8128, "42164.8m")]
    public void RaceDistance_Parse_AcceptsRunnersForms(string text, double metres, string name)
    {
        var distance = RaceDistance.Parse(text);
        Assert.Equal(metres, distance.Metres);
        Assert.Equal(name, distance.Name);
    }

    [Theory]
    [InlineData("ultra")]
    [InlineData("5 leagues")]
    [InlineData("0")]
    public void RaceDistance_Parse_UnknownListsAcceptedForms(string text)
    {
        Assert.False(RaceDistance.TryParse(text, out _, out var error));
        Assert.Equal($"'{text}' is not a distance I know: use 400m, 1k, 1mi, 5k, 10k, 15k, half, marathon, 6.2mi, or a number of metres such as 3000", error);
    }

    // Two-part times may run past 59 minutes ("63:46"), as Daniels' table writes them.
    private static double ParseLong(string text) => RaceTime.Parse(text).TotalSeconds;
}
