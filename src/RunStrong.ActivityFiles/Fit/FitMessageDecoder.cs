using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// Decodes the data records (definition and data messages) of FIT files into the parts of an activity. One instance
/// reads every chained file of one input; definitions are reset at each file header, collected values are not.
/// Only the messages and fields the activity model needs are decoded; the rest are skipped by the size their
/// definition gives.
/// </summary>
internal sealed class FitMessageDecoder
{
    // Global message numbers (FIT profile).
    internal const int FileIdMessage = 0;
    internal const int SportMessage = 12;
    internal const int SessionMessage = 18;
    internal const int LapMessage = 19;
    internal const int RecordMessage = 20;
    internal const int SetMessage = 225;

    private const int TimestampField = 253;
    private const double SemicirclesToDegrees = 180.0 / 2147483648.0;

    /// <summary>Seconds from 0001-01-01 to the FIT epoch, 1989-12-31T00:00:00Z, in ticks.</summary>
    private static readonly long FitEpochTicks = new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>
    /// Start of a session or lap that carries no time and follows no message with one; the reader replaces it with
    /// the activity's start once that is known. (No FIT time can be this value.)
    /// </summary>
    internal static readonly DateTime UnknownTime = DateTime.MinValue;

    private readonly LocalDefinition?[] _definitions = new LocalDefinition?[16];
    private readonly LocalDefinition[] _spareDefinitions = new LocalDefinition[16];

    private readonly RecordChunks _records;

    // Reference time for compressed timestamp headers: the last full timestamp (field 253) seen.
    private uint _lastTimestamp;
    private bool _hasTimestamp;

    // Accumulated distance of compressed_speed_distance, in its own unit (1/16 m, 12-bit rolling).
    private long _accumulatedDistance;
    private int _lastDistanceBits;
    private bool _hasAccumulatedDistance;

    public FitMessageDecoder(int dataLength)
    {
        // A first guess from the real data length (never from a size a header claims): records are rarely
        // smaller than ~24 bytes. The list grows if the guess is low.
        _records = new RecordChunks(dataLength / 24);
    }

    public List<ActivitySession> Sessions { get; } = [];

    public List<Lap> Laps { get; } = [];

    public List<StrengthSet> Sets { get; } = [];

    /// <summary>Sport and sub-sport of each sport message, raw FIT values (0xFF when absent).</summary>
    public List<(int Sport, int SubSport)> SportMessages { get; } = [];

    public int RecordCount => _records.Count;

    /// <summary>FIT file type from the latest file_id message, -1 when none was read (or it had no type).</summary>
    public int FileType { get; private set; } = -1;

    public bool SawFileId { get; private set; }

    /// <summary>file_id time_created, raw FIT seconds; 0 when absent.</summary>
    public uint TimeCreated { get; private set; }

    /// <summary>True when some timestamp was below 0x10000000: a device-relative time, not a date.</summary>
    public bool SawRelativeTime { get; private set; }

    /// <summary>Records that had no timestamp and followed no message with one.</summary>
    public int RecordsWithoutTime { get; private set; }

    /// <summary>Set messages dropped because they carry no time.</summary>
    public int SetsWithoutTime { get; private set; }

    /// <summary>The records read so far; trimmed and handed over once reading is done.</summary>
    public RecordChunks Records => _records;

    /// <summary>Forgets the records from <paramref name="count"/> on (used to drop a chained non-activity file).</summary>
    public void TruncateRecords(int count) => _records.Truncate(count);

    /// <summary>Starts a new chained file: definitions, the timestamp reference and accumulators do not carry over.</summary>
    public void BeginFile()
    {
        for (var i = 0; i < _definitions.Length; i++)
        {
            _definitions[i] = null;
        }

        _hasTimestamp = false;
        _lastTimestamp = 0;
        _hasAccumulatedDistance = false;
        _accumulatedDistance = 0;
        FileType = -1;
        SawFileId = false;
        TimeCreated = 0;
    }

    /// <summary>
    /// Decodes the records of <paramref name="data"/> between <paramref name="start"/> and <paramref name="end"/>
    /// (exclusive). Stops at the first problem; the outcome says where and why.
    /// </summary>
    /// <remarks>
    /// This loop and the few methods it calls per message are compiled fully optimised on first use
    /// (AggressiveOptimization): a CLI import reads one file once, and tier-0 code there was measured several
    /// times slower than the optimised loop.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DecodeOutcome Decode(ReadOnlySpan<byte> data, int start, int end)
    {
        var pos = start;
        var definitions = _definitions;
        while (pos < end)
        {
            var header = data[pos];
            if ((header & 0x80) != 0)
            {
                // Compressed timestamp header: local message type in bits 5-6, seconds in bits 0-4 rolling over the
                // last full timestamp.
                var definition = definitions[(header >> 5) & 0x03];
                if (definition is null)
                {
                    return new DecodeOutcome(DecodeStop.UndefinedLocalMessage, pos, (header >> 5) & 0x03, 0);
                }

                var size = definition.Size;
                if (size > end - pos - 1)
                {
                    return new DecodeOutcome(DecodeStop.InsideDataMessage, pos, 0, 1 + size);
                }

                var offset = (uint)(header & 0x1F);
                var timestamp = _lastTimestamp + ((offset - (_lastTimestamp & 0x1F)) & 0x1F);
                _lastTimestamp = timestamp;
                _hasTimestamp = true;
                if (definition.Handled)
                {
                    HandleMessage(definition, data.Slice(pos + 1, size), timestamp, true);
                }

                pos += 1 + size;
            }
            else if ((header & 0x40) != 0)
            {
                var read = ReadDefinition(data, pos, end, (header & 0x20) != 0);
                if (read <= 0)
                {
                    return new DecodeOutcome(DecodeStop.InsideDefinitionMessage, pos, 0, -read);
                }

                pos += read;
            }
            else
            {
                var definition = definitions[header & 0x0F];
                if (definition is null)
                {
                    return new DecodeOutcome(DecodeStop.UndefinedLocalMessage, pos, header & 0x0F, 0);
                }

                var size = definition.Size;
                if (size > end - pos - 1)
                {
                    return new DecodeOutcome(DecodeStop.InsideDataMessage, pos, 0, 1 + size);
                }

                var message = data.Slice(pos + 1, size);
                var timestamp = _lastTimestamp;
                var hasTimestamp = false;
                if (definition.TimestampOffset >= 0)
                {
                    var raw = definition.BigEndian
                        ? BinaryPrimitives.ReadUInt32BigEndian(message[definition.TimestampOffset..])
                        : BinaryPrimitives.ReadUInt32LittleEndian(message[definition.TimestampOffset..]);
                    if (raw != 0xFFFFFFFF)
                    {
                        _lastTimestamp = timestamp = raw;
                        _hasTimestamp = hasTimestamp = true;
                    }
                }

                if (definition.Handled)
                {
                    HandleMessage(definition, message, timestamp, hasTimestamp);
                }

                pos += 1 + size;
            }
        }

        return new DecodeOutcome(DecodeStop.None, pos, 0, 0);
    }

    /// <summary>
    /// Reads a definition message at <paramref name="pos"/>; returns its length, or when it does not fit before
    /// <paramref name="end"/> minus the length it needs (as far as that could be read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadDefinition(ReadOnlySpan<byte> data, int pos, int end, bool hasDeveloperFields)
    {
        // header, reserved, architecture, global number (2), field count
        if (end - pos < 6)
        {
            return -6;
        }

        var local = data[pos] & 0x0F;
        var bigEndian = data[pos + 2] != 0;
        var global = bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 3)..])
            : BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + 3)..]);
        int fieldCount = data[pos + 5];
        var length = 6 + (fieldCount * 3);
        if (length > end - pos)
        {
            return -length;
        }

        var developerCount = 0;
        if (hasDeveloperFields)
        {
            if (length + 1 > end - pos)
            {
                return -(length + 1);
            }

            developerCount = data[pos + length];
            if (length + 1 + (developerCount * 3) > end - pos)
            {
                return -(length + 1 + (developerCount * 3));
            }
        }

        // Reuse the definition object this local number had before (definitions are redefined often).
        var definition = _spareDefinitions[local] ??= new LocalDefinition();
        definition.Reset(global, bigEndian);
        var handled = IsHandled(global);
        var fields = data.Slice(pos + 6, fieldCount * 3);
        var offset = 0;
        for (var i = 0; i < fields.Length; i += 3)
        {
            int number = fields[i];
            int size = fields[i + 1];
            var baseType = (byte)(fields[i + 2] & 0x1F);
            if (number == TimestampField && size == 4 && (baseType == FitValues.UInt32 || baseType == FitValues.UInt32Z))
            {
                definition.TimestampOffset = offset;
            }

            if (handled && size > 0 && IsWanted(global, number))
            {
                var slot = FieldSlot.Of(offset, size, (byte)number, baseType, bigEndian);
                definition.Add(slot);
                if (global == RecordMessage && RecordKind(number) is var kind and >= 0)
                {
                    definition.RecordFields[kind] = slot;
                }
            }

            offset += size;
        }

        if (hasDeveloperFields)
        {
            // Developer fields are not surfaced; only their sizes matter, to skip their bytes.
            var developerFields = data.Slice(pos + length + 1, developerCount * 3);
            for (var i = 0; i < developerFields.Length; i += 3)
            {
                offset += developerFields[i + 1];
            }

            length += 1 + (developerCount * 3);
        }

        definition.Size = offset;
        definition.Handled = handled;

        // Swap: the slot's previous definition object becomes the spare for the next redefinition.
        _spareDefinitions[local] = _definitions[local]!;
        _definitions[local] = definition;
        return length;
    }

    // Record fields by kind: where each sits in LocalDefinition.RecordFields.
    private const int RecordLatitude = 0;
    private const int RecordLongitude = 1;
    private const int RecordAltitude = 2;
    private const int RecordHeartRate = 3;
    private const int RecordCadence = 4;
    private const int RecordDistance = 5;
    private const int RecordSpeed = 6;
    private const int RecordPower = 7;
    private const int RecordCompressedSpeedDistance = 8;
    private const int RecordFractionalCadence = 9;
    private const int RecordEnhancedSpeed = 10;
    private const int RecordEnhancedAltitude = 11;
    internal const int RecordKinds = 12;

    /// <summary>The kind of a record field number (fields 0-8 are kinds 0-8), -1 for fields not read.</summary>
    private static int RecordKind(int field) => field switch
    {
        <= 8 => field,
        53 => RecordFractionalCadence,
        73 => RecordEnhancedSpeed,
        78 => RecordEnhancedAltitude,
        _ => -1,
    };

    private static bool IsHandled(int global) =>
        global is FileIdMessage or SportMessage or SessionMessage or LapMessage or RecordMessage or SetMessage;

    private static bool IsWanted(int global, int field) => global switch
    {
        // position_lat, position_long, altitude, heart_rate, cadence, distance, speed, power,
        // compressed_speed_distance, fractional_cadence, enhanced_speed, enhanced_altitude, timestamp
        RecordMessage => field is <= 8 or 53 or 73 or 78 or TimestampField,

        // start_time, sport, sub_sport, total_elapsed_time, total_timer_time, total_distance, avg/max heart rate,
        // total ascent/descent, timestamp
        SessionMessage => field is 2 or 5 or 6 or 7 or 8 or 9 or 16 or 17 or 22 or 23 or TimestampField,

        // start_time, total_elapsed_time, total_timer_time, total_distance, avg/max heart rate, timestamp
        LapMessage => field is 2 or 7 or 8 or 9 or 15 or 16 or TimestampField,

        // duration, repetitions, weight, set_type, start_time, category, category_subtype (the exercise name),
        // weight_display_unit, timestamp (254 in this message)
        SetMessage => field is 0 or 3 or 4 or 5 or 6 or 7 or 8 or 9 or 254,

        // type, time_created
        FileIdMessage => field is 0 or 4,

        // sport, sub_sport
        SportMessage => field is 0 or 1,
        _ => false,
    };

    private void HandleMessage(LocalDefinition definition, ReadOnlySpan<byte> message, uint timestamp, bool hasTimestamp)
    {
        switch (definition.Global)
        {
            case RecordMessage:
                AddRecord(definition, message, timestamp, hasTimestamp);
                break;
            case SessionMessage:
                AddSession(definition, message, timestamp, hasTimestamp);
                break;
            case LapMessage:
                AddLap(definition, message, timestamp, hasTimestamp);
                break;
            case SetMessage:
                AddSet(definition, message);
                break;
            case FileIdMessage:
                ReadFileId(definition, message);
                break;
            case SportMessage:
                ReadSport(definition, message);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRecord(LocalDefinition definition, ReadOnlySpan<byte> message, uint timestamp, bool hasTimestamp)
    {
        // The hottest path of the reader: each field kind sits at a known slot (absent ones read as NaN), and the
        // usual shapes are read inline (see Value).
        var f = definition.RecordFields.AsSpan(0, RecordKinds);
        var bigEndian = definition.BigEndian;
        var lat = Value(message, f[RecordLatitude], bigEndian) * SemicirclesToDegrees;
        var lon = Value(message, f[RecordLongitude], bigEndian) * SemicirclesToDegrees;
        var altitude = (Value(message, f[RecordAltitude], bigEndian) / 5.0) - 500.0;
        var heartRate = Value(message, f[RecordHeartRate], bigEndian);
        var cadence = Value(message, f[RecordCadence], bigEndian);
        var distance = Value(message, f[RecordDistance], bigEndian) / 100.0;
        var speed = Value(message, f[RecordSpeed], bigEndian) / 1000.0;
        var power = Value(message, f[RecordPower], bigEndian);
        var enhancedSpeed = Value(message, f[RecordEnhancedSpeed], bigEndian) / 1000.0;
        var enhancedAltitude = (Value(message, f[RecordEnhancedAltitude], bigEndian) / 5.0) - 500.0;
        var compressedSpeed = double.NaN;
        if (!double.IsNaN(distance))
        {
            // A full distance re-bases the compressed distance accumulator, as Garmin's SDK does.
            var bits = (long)Math.Round(distance * 16.0);
            _accumulatedDistance = bits;
            _lastDistanceBits = (int)(bits & 0xFFF);
            _hasAccumulatedDistance = true;
        }

        ref readonly var compressed = ref f[RecordCompressedSpeedDistance];
        if (compressed.Fast != FastKind.Absent)
        {
            ReadCompressedSpeedDistance(message.Slice(compressed.Offset, compressed.Size), ref compressedSpeed, ref distance);
        }

        ref readonly var fractional = ref f[RecordFractionalCadence];
        if (fractional.Fast != FastKind.Absent && !double.IsNaN(cadence))
        {
            var fraction = Value(message, fractional, bigEndian) / 128.0;
            if (!double.IsNaN(fraction))
            {
                cadence += fraction;
            }
        }

        if (!double.IsNaN(enhancedSpeed))
        {
            speed = enhancedSpeed;
        }
        else if (double.IsNaN(speed))
        {
            speed = compressedSpeed;
        }

        if (!double.IsNaN(enhancedAltitude))
        {
            altitude = enhancedAltitude;
        }

        if (double.IsNaN(lat) || double.IsNaN(lon))
        {
            lat = lon = double.NaN;
        }

        DateTime time;
        if (hasTimestamp || _hasTimestamp)
        {
            time = ToDateTime(timestamp);
        }
        else
        {
            // A record with no time and nothing before it to take one from: keep it (its values are real) at the
            // FIT epoch rather than invent a date; the reader reports it.
            time = new DateTime(FitEpochTicks, DateTimeKind.Utc);
            RecordsWithoutTime++;
        }

        _records.Add(new RecordPoint(time, lat, lon, altitude, distance, speed, heartRate, cadence, power));
    }

    /// <summary>compressed_speed_distance: 12 bits of speed (1/100 m/s) then 12 bits of rolling distance (1/16 m).</summary>
    private void ReadCompressedSpeedDistance(ReadOnlySpan<byte> bytes, ref double speed, ref double distance)
    {
        if (bytes.Length < 3 || (bytes[0] == 0xFF && bytes[1] == 0xFF && bytes[2] == 0xFF))
        {
            return;
        }

        var speedBits = bytes[0] | ((bytes[1] & 0x0F) << 8);
        var distanceBits = (bytes[1] >> 4) | (bytes[2] << 4);
        speed = speedBits / 100.0;
        if (!_hasAccumulatedDistance)
        {
            _accumulatedDistance = distanceBits;
            _lastDistanceBits = distanceBits;
            _hasAccumulatedDistance = true;
        }
        else
        {
            _accumulatedDistance += (distanceBits - _lastDistanceBits) & 0xFFF;
            _lastDistanceBits = distanceBits;
        }

        distance = _accumulatedDistance / 16.0;
    }

    private void AddSession(LocalDefinition definition, ReadOnlySpan<byte> message, uint timestamp, bool hasTimestamp)
    {
        double start = double.NaN, sport = double.NaN, subSport = double.NaN, elapsed = double.NaN, timer = double.NaN;
        double distance = double.NaN, ascent = double.NaN, descent = double.NaN, avgHr = double.NaN, maxHr = double.NaN;
        foreach (ref readonly var slot in definition.Slots.AsSpan(0, definition.Count))
        {
            var value = FitValues.Read(message.Slice(slot.Offset, slot.Size), slot.BaseType, definition.BigEndian);
            switch (slot.Number)
            {
                case 2: start = value; break;
                case 5: sport = value; break;
                case 6: subSport = value; break;
                case 7: elapsed = value / 1000.0; break;
                case 8: timer = value / 1000.0; break;
                case 9: distance = value / 100.0; break;
                case 16: avgHr = value; break;
                case 17: maxHr = value; break;
                case 22: ascent = value; break;
                case 23: descent = value; break;
            }
        }

        Sessions.Add(new ActivitySession(
            ToSport(sport), SubSportName(subSport), StartTime(start, elapsed, timestamp, hasTimestamp) ?? UnknownTime, Nullable(elapsed), Nullable(timer), Nullable(distance),
            Nullable(ascent), Nullable(descent), Nullable(avgHr), Nullable(maxHr)));
    }

    private void AddLap(LocalDefinition definition, ReadOnlySpan<byte> message, uint timestamp, bool hasTimestamp)
    {
        double start = double.NaN, elapsed = double.NaN, timer = double.NaN, distance = double.NaN;
        double avgHr = double.NaN, maxHr = double.NaN;
        foreach (ref readonly var slot in definition.Slots.AsSpan(0, definition.Count))
        {
            var value = FitValues.Read(message.Slice(slot.Offset, slot.Size), slot.BaseType, definition.BigEndian);
            switch (slot.Number)
            {
                case 2: start = value; break;
                case 7: elapsed = value / 1000.0; break;
                case 8: timer = value / 1000.0; break;
                case 9: distance = value / 100.0; break;
                case 15: avgHr = value; break;
                case 16: maxHr = value; break;
            }
        }

        Laps.Add(new Lap(StartTime(start, elapsed, timestamp, hasTimestamp) ?? UnknownTime, Nullable(elapsed), Nullable(timer), Nullable(distance), Nullable(avgHr), Nullable(maxHr)));
    }

    private void AddSet(LocalDefinition definition, ReadOnlySpan<byte> message)
    {
        double duration = double.NaN, repetitions = double.NaN, weight = double.NaN, setType = double.NaN, unit = double.NaN;
        double start = double.NaN, timestamp = double.NaN;
        ReadOnlySpan<byte> categories = default, subtypes = default;
        byte categoryType = 0, subtypeType = 0;
        foreach (ref readonly var slot in definition.Slots.AsSpan(0, definition.Count))
        {
            var bytes = message.Slice(slot.Offset, slot.Size);
            var value = FitValues.Read(bytes, slot.BaseType, definition.BigEndian);
            switch (slot.Number)
            {
                case 0: duration = value / 1000.0; break;
                case 3: repetitions = value; break;
                case 4: weight = value / 16.0; break;
                case 5: setType = value; break;
                case 6: start = value; break;
                case 7: categories = bytes; categoryType = slot.BaseType; break;
                case 8: subtypes = bytes; subtypeType = slot.BaseType; break;
                case 9: unit = value; break;
                case 254: timestamp = value; break;
            }
        }

        var startTime = !double.IsNaN(start) ? start : timestamp;
        if (double.IsNaN(startTime))
        {
            SetsWithoutTime++;
            return;
        }

        var (category, exercise) = Exercise(categories, categoryType, subtypes, subtypeType, definition.BigEndian);
        Sets.Add(new StrengthSet(
            ToDateTime((uint)startTime),
            Nullable(duration),
            double.IsNaN(repetitions) ? null : (int)repetitions,
            double.IsNaN(weight) || weight <= 0 ? null : weight,
            category,
            setType == 0)
        {
            ExerciseName = exercise,
            WeightDisplayUnit = unit switch { 1 => "kilogram", 2 => "pound", _ => null },
        });
    }

    /// <summary>FIT's exercise_category value a watch writes for an exercise it did not recognise.</summary>
    internal const int UnknownExerciseCategory = 65534;

    /// <summary>
    /// The set's exercise: the first category of its category array (uint16 values) that the profile knows (or
    /// <c>unknown</c> for 65534), kebab-case, and the name at the same index of category_subtype in that category's
    /// names; a name the profile does not list is kept as its number (<c>#123</c>).
    /// </summary>
    private static (string? Category, string? Name) Exercise(ReadOnlySpan<byte> categories, byte categoryType, ReadOnlySpan<byte> subtypes, byte subtypeType, bool bigEndian)
    {
        if (categoryType != FitValues.UInt16)
        {
            return (null, null);
        }

        for (var i = 0; i + 2 <= categories.Length; i += 2)
        {
            var value = UInt16(categories[i..], bigEndian);
            string? category = value == UnknownExerciseCategory
                ? "unknown"
                : value < FitNames.ExerciseCategories.Length ? FitNames.ExerciseCategories[value] : null;
            if (category is null)
            {
                continue;
            }

            string? name = null;
            if (subtypeType == FitValues.UInt16 && i + 2 <= subtypes.Length && UInt16(subtypes[i..], bigEndian) is var subtype and not 0xFFFF)
            {
                name = FitNames.ExerciseNames.TryGetValue(value, out var names) && Array.FindIndex(names, n => n.Value == subtype) is var at and >= 0
                    ? names[at].Name
                    : "#" + subtype.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return (category, name);
        }

        return (null, null);
    }

    private static ushort UInt16(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private void ReadFileId(LocalDefinition definition, ReadOnlySpan<byte> message)
    {
        SawFileId = true;
        foreach (ref readonly var slot in definition.Slots.AsSpan(0, definition.Count))
        {
            var value = FitValues.Read(message.Slice(slot.Offset, slot.Size), slot.BaseType, definition.BigEndian);
            if (slot.Number == 0 && !double.IsNaN(value))
            {
                FileType = (int)value;
            }
            else if (slot.Number == 4 && !double.IsNaN(value))
            {
                TimeCreated = (uint)value;
            }
        }
    }

    private void ReadSport(LocalDefinition definition, ReadOnlySpan<byte> message)
    {
        int sport = 0xFF, subSport = 0xFF;
        foreach (ref readonly var slot in definition.Slots.AsSpan(0, definition.Count))
        {
            var value = FitValues.Read(message.Slice(slot.Offset, slot.Size), slot.BaseType, definition.BigEndian);
            if (!double.IsNaN(value))
            {
                if (slot.Number == 0)
                {
                    sport = (int)value;
                }
                else
                {
                    subSport = (int)value;
                }
            }
        }

        SportMessages.Add((sport, subSport));
    }

    /// <summary>A message's start: its start_time, else its timestamp less its elapsed time, else its timestamp.</summary>
    private DateTime? StartTime(double start, double elapsed, uint timestamp, bool hasTimestamp)
    {
        if (!double.IsNaN(start))
        {
            return ToDateTime((uint)start);
        }

        if (!hasTimestamp && !_hasTimestamp)
        {
            return null;
        }

        var time = ToDateTime(timestamp);
        return double.IsNaN(elapsed) ? time : time.AddSeconds(-Math.Min(elapsed, timestamp));
    }

    internal DateTime ToDateTime(uint fitSeconds)
    {
        if (fitSeconds < 0x10000000)
        {
            SawRelativeTime = true;
        }

        return new DateTime(FitEpochTicks + (fitSeconds * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary>FIT sport value to the domain sport (generic is Unknown; sports the model does not name are Other).</summary>
    internal static Sport ToSport(double fitSport) => double.IsNaN(fitSport) ? Sport.Unknown : ToSport((int)fitSport);

    internal static Sport ToSport(int fitSport) => fitSport switch
    {
        0 or 0xFF => Sport.Unknown,
        1 => Sport.Running,
        2 => Sport.Cycling,
        3 => Sport.Transition,
        5 => Sport.Swimming,
        10 => Sport.Training,
        11 => Sport.Walking,
        17 => Sport.Hiking,
        18 => Sport.Multisport,
        _ => Sport.Other,
    };

    /// <summary>Kebab-case sub-sport name; null for generic (0), absent, or values the profile does not name.</summary>
    internal static string? SubSportName(double fitSubSport) => double.IsNaN(fitSubSport) ? null : SubSportName((int)fitSubSport);

    internal static string? SubSportName(int fitSubSport) =>
        fitSubSport > 0 && fitSubSport < FitNames.SubSports.Length ? FitNames.SubSports[fitSubSport] : null;

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    /// <summary>
    /// One field of a definition that the reader decodes: where it sits in the data message, and
    /// <see cref="Fast"/>, how to read it without the general base-type switch when it has the usual little-endian
    /// type and size (<see cref="FastKind"/>).
    /// </summary>
    internal readonly record struct FieldSlot(int Offset, int Size, byte Number, byte BaseType, FastKind Fast)
    {
        public static readonly FieldSlot Absent = new(-1, 0, 0, 0, FastKind.Absent);

        public static FieldSlot Of(int offset, int size, byte number, byte baseType, bool bigEndian)
        {
            var fast = bigEndian ? FastKind.General : (baseType, size) switch
            {
                (FitValues.Enum or FitValues.UInt8 or FitValues.Byte, 1) => FastKind.UInt8,
                (FitValues.UInt16, 2) => FastKind.UInt16,
                (FitValues.SInt32, 4) => FastKind.SInt32,
                (FitValues.UInt32, 4) => FastKind.UInt32,
                _ => FastKind.General,
            };
            return new FieldSlot(offset, size, number, baseType, fast);
        }
    }

    /// <summary>How a field is read: absent, one of the common exact little-endian shapes, or the general way.</summary>
    internal enum FastKind : byte
    {
        Absent,
        General,
        UInt8,
        UInt16,
        SInt32,
        UInt32,
    }

    /// <summary>A field's value as in <see cref="FitValues.Read"/>, with the common shapes read inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Value(ReadOnlySpan<byte> message, in FieldSlot slot, bool bigEndian)
    {
        switch (slot.Fast)
        {
            case FastKind.Absent:
                return double.NaN;
            case FastKind.UInt8:
            {
                var v = message[slot.Offset];
                return v == 0xFF ? double.NaN : v;
            }

            case FastKind.UInt16:
            {
                var v = BinaryPrimitives.ReadUInt16LittleEndian(message[slot.Offset..]);
                return v == 0xFFFF ? double.NaN : v;
            }

            case FastKind.SInt32:
            {
                var v = BinaryPrimitives.ReadInt32LittleEndian(message[slot.Offset..]);
                return v == 0x7FFFFFFF ? double.NaN : v;
            }

            case FastKind.UInt32:
            {
                var v = BinaryPrimitives.ReadUInt32LittleEndian(message[slot.Offset..]);
                return v == 0xFFFFFFFF ? double.NaN : v;
            }

            default:
                return FitValues.Read(message.Slice(slot.Offset, slot.Size), slot.BaseType, bigEndian);
        }
    }

    /// <summary>A local message type's definition, cut down to what the reader needs.</summary>
    private sealed class LocalDefinition
    {
        public FieldSlot[] Slots { get; private set; } = new FieldSlot[16];

        public int Count { get; private set; }

        public int Global { get; private set; }

        public bool BigEndian { get; private set; }

        public bool Handled { get; set; }

        /// <summary>Bytes of one data message of this type, developer fields included.</summary>
        public int Size { get; set; }

        /// <summary>Offset of the timestamp field (253, uint32) in the message, -1 when it has none.</summary>
        public int TimestampOffset { get; set; }

        /// <summary>For record messages, each field kind's slot (<see cref="FieldSlot.Absent"/> when the message lacks it).</summary>
        public FieldSlot[] RecordFields { get; } = new FieldSlot[RecordKinds];

        public void Reset(int global, bool bigEndian)
        {
            Array.Fill(RecordFields, FieldSlot.Absent);
            Global = global;
            BigEndian = bigEndian;
            Count = 0;
            Size = 0;
            TimestampOffset = -1;
            Handled = false;
        }

        public void Add(FieldSlot slot)
        {
            if (Count == Slots.Length)
            {
                var bigger = new FieldSlot[Slots.Length * 2];
                Slots.CopyTo(bigger, 0);
                Slots = bigger;
            }

            Slots[Count++] = slot;
        }
    }
}

/// <summary>Why decoding stopped before the end of the data.</summary>
internal enum DecodeStop
{
    None,
    InsideDataMessage,
    InsideDefinitionMessage,
    UndefinedLocalMessage,
}

/// <summary>
/// Where decoding stopped: <see cref="Position"/> is the byte offset of the message it could not read,
/// <see cref="Length"/> how many bytes that message needed (as far as known).
/// </summary>
internal readonly record struct DecodeOutcome(DecodeStop Stop, int Position, int LocalMessage, int Length);
