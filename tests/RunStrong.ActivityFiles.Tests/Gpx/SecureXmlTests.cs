using RunStrong.ActivityFiles;
using RunStrong.ActivityFiles.Tests.Dispatch;

namespace RunStrong.ActivityFiles.Tests.Gpx;

/// <summary>XML tricks are refused before anything is resolved or expanded.</summary>
public class SecureXmlTests
{
    [Fact]
    public void Read_GpxWithExternalEntity_IsRefusedAndTheFileIsNotRead()
    {
        using var temp = new TestFiles.TempFolder();
        var secret = temp.Combine("secret.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        var gpx = $"""
            <?xml version="1.0"?>
            <!DOCTYPE gpx [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <gpx version="1.1"><trk><name>&xxe;</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>
            """;

        var result = TestFiles.ReadText("xxe.gpx", gpx);

        Assert.Equal(ActivityFileStatus.Failed, result.Status);
        Assert.Null(result.Activity);
        Assert.StartsWith("xxe.gpx: refused: the file declares a DTD", result.Error);
        Assert.DoesNotContain("TOP-SECRET", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BillionLaughs_IsRefused()
    {
        const string tcx = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>&lol2;</Id></Activity></Activities></TrainingCenterDatabase>
            """;

        var result = TestFiles.ReadText("lol.tcx", tcx);

        Assert.Equal(ActivityFileStatus.Failed, result.Status);
        Assert.Contains("DTD", result.Error, StringComparison.Ordinal);
    }
}
