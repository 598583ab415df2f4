using RunStrong.ActivityFiles.Fit;

namespace RunStrong.ActivityFiles.Tests.Fit;

public sealed class FitCrcTests
{
    [Fact]
    public void Compute_GivesTheCrc16ArcCheckValue() =>
        // The FIT CRC is CRC-16/ARC; its catalogue check value is the CRC of "123456789".
        Assert.Equal(0xBB3D, FitCrc.Compute("123456789"u8));

    [Fact]
    public void Compute_ByteTable_AgreesWithTheProtocolsNibbleAlgorithm()
    {
        var random = new Random(7);
        for (var length = 0; length < 300; length += 7)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(FitCrc.Nibble(data), FitCrc.Compute(data));
        }
    }

    [Fact]
    public void Compute_OverAFileAndItsCrc_IsZero()
    {
        // The protocol's check: the CRC over a whole FIT file, its stored CRC included, is 0.
        var file = File.ReadAllBytes(RunStrong.TestSupport.Fixtures.Path("fit", "dtcooper__python-fitparse__tests__files__Activity.fit"));

        Assert.Equal(0, FitCrc.Compute(file));
    }
}
