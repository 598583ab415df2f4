using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// Reading one FIT field value as a double, by the base type its definition message declares. Invalid-value markers
/// (0xFF, 0x7FFF, 0xFFFFFFFF, 0 for the "z" types, all-ones floats...) come back as <see cref="double.NaN"/>, as does a
/// field whose size is not a whole number of its base type (Garmin's SDK reads those as null too). Arrays give their
/// first element.
/// </summary>
internal static class FitValues
{
    /// <summary>FIT base type numbers (low 5 bits of the base type byte).</summary>
    internal const byte Enum = 0x00;
    internal const byte SInt8 = 0x01;
    internal const byte UInt8 = 0x02;
    internal const byte SInt16 = 0x03;
    internal const byte UInt16 = 0x04;
    internal const byte SInt32 = 0x05;
    internal const byte UInt32 = 0x06;
    internal const byte String = 0x07;
    internal const byte Float32 = 0x08;
    internal const byte Float64 = 0x09;
    internal const byte UInt8Z = 0x0A;
    internal const byte UInt16Z = 0x0B;
    internal const byte UInt32Z = 0x0C;
    internal const byte Byte = 0x0D;
    internal const byte SInt64 = 0x0E;
    internal const byte UInt64 = 0x0F;
    internal const byte UInt64Z = 0x10;

    /// <summary>Size in bytes of one value of a base type; 0 for a base type the protocol does not define.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SizeOf(byte baseType) => baseType switch
    {
        Enum or SInt8 or UInt8 or String or UInt8Z or Byte => 1,
        SInt16 or UInt16 or UInt16Z => 2,
        SInt32 or UInt32 or Float32 or UInt32Z => 4,
        Float64 or SInt64 or UInt64 or UInt64Z => 8,
        _ => 0,
    };

    /// <summary>
    /// The first value of a field. <paramref name="field"/> is exactly the field's bytes; <paramref name="baseType"/> has
    /// the endian flag already masked off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Read(ReadOnlySpan<byte> field, byte baseType, bool bigEndian)
    {
        switch (baseType)
        {
            case Enum:
            case UInt8:
            case Byte:
                return field.Length >= 1 && field[0] != 0xFF ? field[0] : double.NaN;
            case UInt8Z:
                return field.Length >= 1 && field[0] != 0 ? field[0] : double.NaN;
            case SInt8:
                return field.Length >= 1 && field[0] != 0x7F ? (sbyte)field[0] : double.NaN;
            case UInt16:
            case UInt16Z:
            {
                if (field.Length < 2 || (field.Length & 1) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(field) : BinaryPrimitives.ReadUInt16LittleEndian(field);
                return v == (baseType == UInt16 ? 0xFFFF : 0) ? double.NaN : v;
            }

            case SInt16:
            {
                if (field.Length < 2 || (field.Length & 1) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(field) : BinaryPrimitives.ReadInt16LittleEndian(field);
                return v == 0x7FFF ? double.NaN : v;
            }

            case UInt32:
            case UInt32Z:
            {
                if (field.Length < 4 || (field.Length & 3) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field);
                return v == (baseType == UInt32 ? 0xFFFFFFFF : 0) ? double.NaN : v;
            }

            case SInt32:
            {
                if (field.Length < 4 || (field.Length & 3) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(field) : BinaryPrimitives.ReadInt32LittleEndian(field);
                return v == 0x7FFFFFFF ? double.NaN : v;
            }

            case Float32:
            {
                if (field.Length < 4 || (field.Length & 3) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadSingleBigEndian(field) : BinaryPrimitives.ReadSingleLittleEndian(field);
                return float.IsFinite(v) ? v : double.NaN;
            }

            case Float64:
            {
                if (field.Length < 8 || (field.Length & 7) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(field) : BinaryPrimitives.ReadDoubleLittleEndian(field);
                return double.IsFinite(v) ? v : double.NaN;
            }

            case SInt64:
            {
                if (field.Length < 8 || (field.Length & 7) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(field) : BinaryPrimitives.ReadInt64LittleEndian(field);
                return v == long.MaxValue ? double.NaN : v;
            }

            case UInt64:
            case UInt64Z:
            {
                if (field.Length < 8 || (field.Length & 7) != 0)
                {
                    return double.NaN;
                }

                var v = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(field) : BinaryPrimitives.ReadUInt64LittleEndian(field);
                return v == (baseType == UInt64 ? ulong.MaxValue : 0UL) ? double.NaN : v;
            }

            default:
                // Strings and base types the protocol does not define carry no number.
                return double.NaN;
        }
    }
}
