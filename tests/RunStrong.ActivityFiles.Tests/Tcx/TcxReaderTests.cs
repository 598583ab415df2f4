using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Tests.Dispatch;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Tests.Tcx;

/// <summary>Hand-made TCX files with values known exactly.</summary>
public class TcxReaderTests
{
    private const string Run = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
            xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
          <Activities>
            <Activity Sport="Running">
              <Id>2024-03-10T08:00:00Z</Id>
              <Lap StartTime="2024-03-10T08:00:00Z">
                <TotalTimeSeconds>300</TotalTimeSeconds>
                <DistanceMeters>1000</DistanceMeters>
                <AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>
                <MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm>
                <Track>
                  <Trackpoint>
                    <Time>2024-03-10T08:00:00Z</Time>
                    <Position><LatitudeDegrees>51.5</LatitudeDegrees><LongitudeDegrees>-0.12</LongitudeDegrees></Position>
                    <AltitudeMeters>12.5</AltitudeMeters>
                    <DistanceMeters>0</DistanceMeters>
                    <HeartRateBpm><Value>130</Value></HeartRateBpm>
                    <Extensions><ns3:TPX><ns3:Speed>3.3</ns3:Speed><ns3:RunCadence>85</ns3:RunCadence></ns3:TPX></Extensions>
                  </Trackpoint>
                  <Trackpoint>
                    <Time>2024-03-10T08:05:00Z</Time>
                    <DistanceMeters>1000</DistanceMeters>
                    <HeartRateBpm><Value>150</Value></HeartRateBpm>
                    <Cadence>90</Cadence>
                  </Trackpoint>
                </Track>
              </Lap>
              <Lap StartTime="2024-03-10T08:05:00Z">
                <TotalTimeSeconds>240</TotalTimeSeconds>
                <DistanceMeters>800</DistanceMeters>
                <Track>
                  <Trackpoint><Time>2024-03-10T08:10:00Z</Time><DistanceMeters>1800</DistanceMeters></Trackpoint>
                </Track>
              </Lap>
              <Notes>Easy run</Notes>
            </Activity>
          </Activities>
        </TrainingCenterDatabase>
        """;

    [Fact]
    public void Read_TcxRun_GivesExactValues()
    {
        var result = TestFiles.ReadText("run.tcx", Run);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        var a = result.Activity!;
        Assert.Equal(Sport.Running, a.Sport);
        Assert.Equal("Easy run", a.Description);
        Assert.Equal(new DateTime(2024, 3, 10, 8, 0, 0, DateTimeKind.Utc), a.StartTime);
        Assert.Equal(3, a.Records.Count);
        Assert.Equal(new RecordPoint(a.StartTime, 51.5, -0.12, 12.5, 0, 3.3, 130, 85, double.NaN), a.Records[0]);
        Assert.Equal(90, a.Records[1].Cadence);
        Assert.Equal(1800, a.Records[2].DistanceMeters);
        Assert.Equal(
            [new Lap(a.StartTime, 300, 300, 1000, 140, 150), new Lap(a.StartTime.AddMinutes(5), 300, 240, 800, null, null)],
            a.Laps);
        Assert.Equal(1800, a.DeviceDistanceMeters);
        Assert.Equal(540, a.DeviceTimerSeconds);
        Assert.Equal(600, a.DeviceElapsedSeconds);
        var session = Assert.Single(a.Sessions);
        Assert.Equal(new ActivitySession(Sport.Running, null, a.StartTime, 600, 540, 1800, null, null, 140, 150), session);
    }

    [Fact]
    public void Read_TcxCourseOnly_FailsSayingItIsAPlan()
    {
        var result = TestFiles.ReadText("course.tcx", "<TrainingCenterDatabase><Courses><Course><Name>x</Name></Course></Courses></TrainingCenterDatabase>");

        Assert.Equal(ActivityFileStatus.Failed, result.Status);
        Assert.Equal("course.tcx: a TCX course (a planned route), not a recorded activity", result.Error);
    }
}
