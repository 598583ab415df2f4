using System.Text;
using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Tests.Dispatch;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Tests.Gpx;

/// <summary>Hand-made GPX files with values known exactly.</summary>
public class GpxReaderTests
{
    private const string Gpx11 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
             xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">
          <metadata><name>App name</name><time>2024-05-01T06:59:00Z</time></metadata>
          <wpt lat="1" lon="1"><name>ignored</name></wpt>
          <trk>
            <name>Hill reps</name>
            <desc>4 x 8 s</desc>
            <type>running</type>
            <trkseg>
              <trkpt lat="46.0" lon="7.0"><ele>500.5</ele><time>2024-05-01T07:00:00Z</time>
                <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
              <trkpt lat="46.001" lon="7.0"><ele>502</ele><time>2024-05-01T07:00:30+00:00</time>
                <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>130</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
            </trkseg>
            <trkseg/>
            <trkseg>
              <trkpt lat="46.002" lon="7.0"><time>2024-05-01T09:01:00+02:00</time></trkpt>
            </trkseg>
          </trk>
        </gpx>
        """;

    [Fact]
    public void Read_Gpx11_GivesExactValues()
    {
        var result = TestFiles.ReadText("hill.gpx", Gpx11);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        var a = result.Activity!;
        Assert.Equal(Sport.Running, a.Sport);
        Assert.Equal("Hill reps", a.Name);
        Assert.Equal("4 x 8 s", a.Description);
        Assert.Equal(new DateTime(2024, 5, 1, 7, 0, 0, DateTimeKind.Utc), a.StartTime);
        Assert.Equal(3, a.Records.Count);
        Assert.Equal(new RecordPoint(new DateTime(2024, 5, 1, 7, 0, 0, DateTimeKind.Utc), 46.0, 7.0, 500.5, double.NaN, double.NaN, 120, 80, double.NaN), a.Records[0]);
        Assert.Equal(130, a.Records[1].HeartRate);
        Assert.True(double.IsNaN(a.Records[1].Cadence));
        Assert.Equal(new DateTime(2024, 5, 1, 7, 1, 0, DateTimeKind.Utc), a.Records[2].Time); // +02:00 converted to UTC
        Assert.True(double.IsNaN(a.Records[2].AltitudeMeters));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_Gpx10WithoutNamespaceAndWithSpeed_ReadsTheSame()
    {
        const string gpx = """
            <gpx version="1.0"><time>2009-03-02T14:00:00Z</time><trk><trkseg>
            <trkpt lat="52.33" lon="5.54"><ele>48.9</ele><time>2009-03-02T14:05:52Z</time><speed>1.2</speed></trkpt>
            <trkpt lat="52.331" lon="5.54"><ele>50</ele><time>2009-03-02T14:05:58Z</time><speed>2.5</speed></trkpt>
            </trkseg></trk></gpx>
            """;

        var a = TestFiles.ReadText("old.gpx", gpx).Activity!;

        Assert.Equal(2, a.Records.Count);
        Assert.Equal(1.2, a.Records[0].SpeedMetersPerSecond);
        Assert.Equal(2.5, a.Records[1].SpeedMetersPerSecond);
        Assert.Equal(new DateTime(2009, 3, 2, 14, 5, 52, DateTimeKind.Utc), a.StartTime);
    }

    [Fact]
    public void Read_Latin1AndByteOrderMark_DecodeNames()
    {
        var latin1 = Encoding.Latin1.GetBytes("""<?xml version="1.0" encoding="ISO-8859-1"?><gpx><trk><name>Côte d'Été</name><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>""");
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""<gpx><trk><name>Côte</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>""")).ToArray();

        Assert.Equal("Côte d'Été", ActivityFileReader.Read("latin1.gpx", latin1).Activity!.Name);
        Assert.Equal("Côte", ActivityFileReader.Read("bom.gpx", withBom).Activity!.Name);
    }

    [Fact]
    public void Read_RouteOnly_ReadsTheRouteAndSaysSo()
    {
        const string gpx = """<gpx version="1.1"><rte><name>Plan</name><rtept lat="1" lon="2"/><rtept lat="1.01" lon="2"/></rte></gpx>""";

        var result = TestFiles.ReadText("plan.gpx", gpx);

        Assert.Equal(2, result.Activity!.Records.Count);
        Assert.Equal("Plan", result.Activity.Name);
        Assert.Contains(result.Warnings, w => w.StartsWith("plan.gpx: no track in the file, so its route", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ImpossibleCoordinates_AreDroppedWithAWarning()
    {
        const string gpx = """<gpx><trk><trkseg><trkpt lat="91" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt><trkpt lat="x" lon="2"><time>2020-01-01T00:00:01Z</time></trkpt></trkseg></trk></gpx>""";

        var result = TestFiles.ReadText("bad.gpx", gpx);

        Assert.All(result.Activity!.Records, r => Assert.False(r.HasPosition));
        Assert.Contains(result.Warnings, w => w.Contains("2 point(s) had a missing or impossible latitude/longitude", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TruncatedFile_KeepsThePointsBeforeTheDamage()
    {
        var cut = Gpx11[..Gpx11.IndexOf("<trkseg/>", StringComparison.Ordinal)];

        var result = TestFiles.ReadText("cut.gpx", cut);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        Assert.Equal(2, result.Activity!.Records.Count);
        Assert.Contains(result.Warnings, w => w.StartsWith("cut.gpx: the file is damaged or cut off at line", StringComparison.Ordinal));
        Assert.True(result.Activity.CutShort, "it breaks off on its last line");
        Assert.False(TestFiles.ReadText("whole.gpx", Gpx11).Activity!.CutShort);
    }

    [Fact]
    public void Read_DamagedInside_KeepsThePointsBeforeTheDamage_ButIsNotCutShort()
    {
        var at = Gpx11.IndexOf("<trkseg/>", StringComparison.Ordinal);
        var damaged = Gpx11[..at] + "<trkpt lat=\"1\" <<\n" + Gpx11[at..];

        var result = TestFiles.ReadText("damaged.gpx", damaged);

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        Assert.Contains(result.Warnings, w => w.StartsWith("damaged.gpx: the file is damaged or cut off at line", StringComparison.Ordinal));
        Assert.False(result.Activity!.CutShort, "the rest of the file is there: a second copy would be the same recording, not a complete one");
    }

    [Fact]
    public void Read_NotWellFormed_FailsWithLineAndPosition()
    {
        var result = TestFiles.ReadText("broken.gpx", "<gpx><trk><name>a</nam></trk></gpx>");

        Assert.Equal(ActivityFileStatus.Failed, result.Status);
        Assert.StartsWith("broken.gpx: not well-formed XML at line 1, position", result.Error);
    }
}
