namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// The FIT CRC-16 (the FIT protocol's nibble-table algorithm, polynomial 0x8005 reflected, initial value 0; the
/// same function as CRC-16/ARC). <see cref="Nibble"/> is the protocol's reference form; <see cref="Compute"/> gives
/// the same result a byte at a time from a 256-entry table built from the nibble table, which is what the reader
/// uses because the CRC covers every byte of the file.
/// </summary>
public static class FitCrc
{
    private static readonly ushort[] NibbleTable =
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    private static readonly ushort[] ByteTable = BuildByteTable();

    /// <summary>The CRC of <paramref name="data"/>, continuing from <paramref name="crc"/> (0 to start).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = 0)
    {
        var table = ByteTable;
        uint value = crc;
        foreach (var b in data)
        {
            value = (value >> 8) ^ table[(byte)(value ^ b)];
        }

        return (ushort)value;
    }

    /// <summary>The protocol's reference algorithm, a nibble at a time (slower; kept to check the byte table against).</summary>
    public static ushort Nibble(ReadOnlySpan<byte> data, ushort crc = 0)
    {
        foreach (var b in data)
        {
            crc = NibbleStep(crc, b);
        }

        return crc;
    }

    private static ushort NibbleStep(ushort crc, byte b)
    {
        // Low nibble first, then high nibble, as in the FIT SDK's FitCRC_Get16.
        var tmp = NibbleTable[crc & 0xF];
        crc = (ushort)((crc >> 4) & 0x0FFF);
        crc = (ushort)(crc ^ tmp ^ NibbleTable[b & 0xF]);
        tmp = NibbleTable[crc & 0xF];
        crc = (ushort)((crc >> 4) & 0x0FFF);
        return (ushort)(crc ^ tmp ^ NibbleTable[(b >> 4) & 0xF]);
    }

    private static ushort[] BuildByteTable()
    {
        // Entry i is the CRC update of a zero register by byte i; the update is linear, so
        // crc' = (crc >> 8) ^ table[(crc ^ b) & 0xFF].
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = NibbleStep(0, (byte)i);
        }

        return table;
    }
}
