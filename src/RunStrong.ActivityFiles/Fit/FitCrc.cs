using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// The FIT CRC-16 (the FIT protocol's nibble-table algorithm, polynomial 0x8005 reflected, initial value 0; the
/// same function as CRC-16/ARC). <see cref="Nibble"/> is the protocol's reference form; <see cref="Compute"/> gives
/// the same result sixteen bytes at a time ("slicing-by-16": sixteen 256-entry tables built from the nibble table),
/// which is what the reader uses because the CRC covers every byte of the file.
/// </summary>
public static class FitCrc
{
    private static readonly ushort[] NibbleTable =
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    /// <summary>Table k (at k * 256) holds the CRC of byte i followed by k zero bytes.</summary>
    private static readonly ushort[] SliceTables = BuildSliceTables();

    /// <summary>The CRC of <paramref name="data"/>, continuing from <paramref name="crc"/> (0 to start).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = 0)
    {
        // The CRC covers every byte of every file, so this loop is hot: table reads skip bounds checks. Every index is
        // masked to 0..255 within a table of 16 * 256 entries, and every data read is inside data.Length.
        ref var t = ref MemoryMarshal.GetArrayDataReference(SliceTables);
        ref var d = ref MemoryMarshal.GetReference(data);
        uint value = crc;
        var i = 0;
        for (; i + 16 <= data.Length; i += 16)
        {
            var one = ReadUInt32(ref d, i) ^ value;
            var two = ReadUInt32(ref d, i + 4);
            var three = ReadUInt32(ref d, i + 8);
            var four = ReadUInt32(ref d, i + 12);
            value = (uint)(Unsafe.Add(ref t, (15 * 256) + (int)(one & 0xFF)) ^ Unsafe.Add(ref t, (14 * 256) + (int)((one >> 8) & 0xFF))
                ^ Unsafe.Add(ref t, (13 * 256) + (int)((one >> 16) & 0xFF)) ^ Unsafe.Add(ref t, (12 * 256) + (int)(one >> 24))
                ^ Unsafe.Add(ref t, (11 * 256) + (int)(two & 0xFF)) ^ Unsafe.Add(ref t, (10 * 256) + (int)((two >> 8) & 0xFF))
                ^ Unsafe.Add(ref t, (9 * 256) + (int)((two >> 16) & 0xFF)) ^ Unsafe.Add(ref t, (8 * 256) + (int)(two >> 24))
                ^ Unsafe.Add(ref t, (7 * 256) + (int)(three & 0xFF)) ^ Unsafe.Add(ref t, (6 * 256) + (int)((three >> 8) & 0xFF))
                ^ Unsafe.Add(ref t, (5 * 256) + (int)((three >> 16) & 0xFF)) ^ Unsafe.Add(ref t, (4 * 256) + (int)(three >> 24))
                ^ Unsafe.Add(ref t, (3 * 256) + (int)(four & 0xFF)) ^ Unsafe.Add(ref t, (2 * 256) + (int)((four >> 8) & 0xFF))
                ^ Unsafe.Add(ref t, 256 + (int)((four >> 16) & 0xFF)) ^ Unsafe.Add(ref t, (int)(four >> 24)));
        }

        for (; i < data.Length; i++)
        {
            value = (value >> 8) ^ Unsafe.Add(ref t, (int)((value ^ Unsafe.Add(ref d, i)) & 0xFF));
        }

        return (ushort)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ref byte data, int offset)
    {
        var value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref data, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
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

    private static ushort[] BuildSliceTables()
    {
        // Table 0, entry i: the CRC update of a zero register by byte i; the update is linear, so
        // crc' = (crc >> 8) ^ table0[(crc ^ b) & 0xFF]. Table k: the same followed by k zero bytes.
        var tables = new ushort[16 * 256];
        for (var i = 0; i < 256; i++)
        {
            tables[i] = NibbleStep(0, (byte)i);
        }

        for (var k = 1; k < 16; k++)
        {
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[((k - 1) * 256) + i];
                tables[(k * 256) + i] = (ushort)((previous >> 8) ^ tables[previous & 0xFF]);
            }
        }

        return tables;
    }
}
