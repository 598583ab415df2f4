using System.Buffers.Binary;
using RunStrong.ActivityFiles.Fit;

namespace RunStrong.ActivityFiles.Tests.Fit;

/// <summary>
/// Writes small FIT files byte by byte for tests, following the public FIT protocol: header, definition messages,
/// data messages (normal and compressed-timestamp headers), developer field definitions and the CRC.
/// Values are written in the byte order of the definition they belong to.
/// </summary>
internal sealed class FitFileWriter
{
    internal const byte BaseEnum = 0x00;
    internal const byte BaseUInt8 = 0x02;
    internal const byte BaseSInt16 = 0x83;
    internal const byte BaseUInt16 = 0x84;
    internal const byte BaseSInt32 = 0x85;
    internal const byte BaseUInt32 = 0x86;
    internal const byte BaseUInt32Z = 0x8C;
    internal const byte BaseByte = 0x0D;

    /// <summary>Seconds from the FIT epoch (1989-12-31T00:00:00Z) to 2024-05-01T06:00:00Z.</summary>
    internal const uint May2024 = 1083391200;

    private readonly List<byte> _data = [];
    private readonly Dictionary<int, (bool BigEndian, Field[] Fields)> _definitions = [];

    internal readonly record struct Field(byte Number, byte Size, byte BaseType);

    internal static DateTime FitTime(uint seconds) => new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seconds);

    public FitFileWriter Definition(int local, int global, params Field[] fields) => Definition(local, global, false, fields, []);

    public FitFileWriter BigEndianDefinition(int local, int global, params Field[] fields) => Definition(local, global, true, fields, []);

    /// <summary>A definition message; <paramref name="developerFields"/> are (field number, size, developer data index).</summary>
    public FitFileWriter Definition(int local, int global, bool bigEndian, Field[] fields, (byte Number, byte Size, byte Index)[] developerFields)
    {
        _data.Add((byte)(0x40 | (developerFields.Length > 0 ? 0x20 : 0) | local));
        _data.Add(0);
        _data.Add(bigEndian ? (byte)1 : (byte)0);
        var number = new byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(number, (ushort)global);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(number, (ushort)global);
        }

        _data.AddRange(number);
        _data.Add((byte)fields.Length);
        foreach (var field in fields)
        {
            _data.Add(field.Number);
            _data.Add(field.Size);
            _data.Add(field.BaseType);
        }

        if (developerFields.Length > 0)
        {
            _data.Add((byte)developerFields.Length);
            foreach (var (n, size, index) in developerFields)
            {
                _data.Add(n);
                _data.Add(size);
                _data.Add(index);
            }
        }

        _definitions[local] = (bigEndian, fields);
        return this;
    }

    /// <summary>A data message; one value per field of the definition, written at the field's size; then raw extra bytes.</summary>
    public FitFileWriter Data(int local, long[] values, params byte[] developerBytes)
    {
        _data.Add((byte)local);
        WriteValues(local, values, developerBytes);
        return this;
    }

    /// <summary>A data message with a compressed timestamp header (local types 0-3 only).</summary>
    public FitFileWriter CompressedData(int local, int timeOffset, params long[] values)
    {
        _data.Add((byte)(0x80 | (local << 5) | (timeOffset & 0x1F)));
        WriteValues(local, values, []);
        return this;
    }

    /// <summary>Bytes written as they are (to build broken files).</summary>
    public FitFileWriter Raw(params byte[] bytes)
    {
        _data.AddRange(bytes);
        return this;
    }

    private void WriteValues(int local, long[] values, byte[] developerBytes)
    {
        var (bigEndian, fields) = _definitions[local];
        for (var i = 0; i < fields.Length; i++)
        {
            var bytes = new byte[fields[i].Size];
            var value = (ulong)values[i];
            for (var b = 0; b < bytes.Length; b++)
            {
                var shift = 8 * (bigEndian ? bytes.Length - 1 - b : b);
                bytes[b] = shift < 64 ? (byte)(value >> shift) : (byte)0;
            }

            _data.AddRange(bytes);
        }

        _data.AddRange(developerBytes);
    }

    /// <summary>The whole file: header (14 bytes with CRC, or 12), data, file CRC.</summary>
    public byte[] Build(int headerSize = 14, uint? claimedDataSize = null)
    {
        var file = new List<byte>();
        var header = new byte[headerSize];
        header[0] = (byte)headerSize;
        header[1] = 0x20; // protocol 2.0
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), claimedDataSize ?? (uint)_data.Count);
        ".FIT"u8.CopyTo(header.AsSpan(8));
        if (headerSize >= 14)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), FitCrc.Compute(header.AsSpan(0, 12)));
        }

        file.AddRange(header);
        file.AddRange(_data);
        var crc = FitCrc.Compute(file.ToArray());
        file.Add((byte)crc);
        file.Add((byte)(crc >> 8));
        return [.. file];
    }

    /// <summary>file_id of the given FIT file type (4 = activity), created at <see cref="May2024"/>.</summary>
    public FitFileWriter FileId(int local, int fileType) =>
        Definition(local, 0, new Field(0, 1, BaseEnum), new Field(4, 4, BaseUInt32))
            .Data(local, [fileType, May2024]);

    /// <summary>Session: start time, sport, sub-sport, elapsed (ms), timer (ms), distance (cm).</summary>
    public FitFileWriter Session(int local, uint start, int sport, int subSport, uint elapsedMs, uint distanceCm) =>
        Definition(local, 18,
                new Field(253, 4, BaseUInt32), new Field(2, 4, BaseUInt32), new Field(5, 1, BaseEnum), new Field(6, 1, BaseEnum),
                new Field(7, 4, BaseUInt32), new Field(8, 4, BaseUInt32), new Field(9, 4, BaseUInt32))
            .Data(local, [start + (elapsedMs / 1000), start, sport, subSport, elapsedMs, elapsedMs, distanceCm]);
}
