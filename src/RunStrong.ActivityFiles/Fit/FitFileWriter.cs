using System.Buffers.Binary;
using System.Text;

namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// Writes a FIT file: the 14-byte header (protocol 2.0, the profile version of <see cref="FitNames"/>), definition and data
/// messages, and the file CRC (<see cref="FitCrc"/>, the reader's). Little-endian; a message's definition is written again
/// only when its fields or their sizes change (strings are sized to their text). Fields without a value are left out.
/// </summary>
internal sealed class FitFileWriter
{
    /// <summary>The FIT profile the names and numbers come from (21.217: 21 * 1000 + 217, as Garmin's SDK writes it).</summary>
    public const ushort ProfileVersion = 21217;

    private readonly MemoryStream _records = new();
    private readonly Dictionary<byte, string> _layouts = [];

    /// <summary>Writes one data message of <paramref name="globalNumber"/> under <paramref name="localType"/> (0–15).</summary>
    public void Write(ushort globalNumber, byte localType, IEnumerable<FitField?> fields)
    {
        var present = fields.OfType<FitField>().ToArray();
        var layout = globalNumber + ":" + string.Join(",", present.Select(f => $"{f.Number}/{f.Bytes.Length}/{f.BaseType}"));
        if (!_layouts.TryGetValue(localType, out var current) || current != layout)
        {
            _records.WriteByte((byte)(0x40 | localType));
            _records.WriteByte(0); // reserved
            _records.WriteByte(0); // little-endian
            Span<byte> number = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(number, globalNumber);
            _records.Write(number);
            _records.WriteByte((byte)present.Length);
            foreach (var field in present)
            {
                _records.WriteByte(field.Number);
                _records.WriteByte((byte)field.Bytes.Length);
                _records.WriteByte(field.BaseType);
            }

            _layouts[localType] = layout;
        }

        _records.WriteByte(localType);
        foreach (var field in present)
        {
            _records.Write(field.Bytes);
        }
    }

    /// <summary>The whole file: header, messages, CRC.</summary>
    public byte[] ToArray()
    {
        var records = _records.ToArray();
        var file = new byte[14 + records.Length + 2];
        file[0] = 14;
        file[1] = 0x20; // protocol 2.0
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), ProfileVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)records.Length);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), FitCrc.Compute(file.AsSpan(0, 12)));
        records.CopyTo(file, 14);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(14 + records.Length), FitCrc.Compute(file.AsSpan(0, 14 + records.Length)));
        return file;
    }
}

/// <summary>One field of a data message: its number in the profile, FIT base type and little-endian bytes.</summary>
internal sealed record FitField(byte Number, byte BaseType, byte[] Bytes)
{
    public static FitField Enum(byte number, byte value) => new(number, 0x00, [value]);

    public static FitField UInt16(byte number, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return new(number, 0x84, bytes);
    }

    public static FitField UInt32(byte number, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return new(number, 0x86, bytes);
    }

    public static FitField UInt32Z(byte number, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return new(number, 0x8C, bytes);
    }

    /// <summary>A null-terminated UTF-8 string, cut at <paramref name="maxBytes"/> on a character boundary; null for no text.</summary>
    public static FitField? String(byte number, string? value, int maxBytes = 64)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        while (Encoding.UTF8.GetByteCount(text) > maxBytes - 1)
        {
            text = text[..^(char.IsLowSurrogate(text[^1]) ? 2 : 1)];
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return new(number, 0x07, bytes);
    }
}
