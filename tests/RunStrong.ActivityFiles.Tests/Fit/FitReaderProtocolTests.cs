using RunStrong.ActivityFiles.Fit;
using RunStrong.Domain.Activities;
using static RunStrong.ActivityFiles.Tests.Fit.FitFileWriter;

namespace RunStrong.ActivityFiles.Tests.Fit;

/// <summary>The FIT protocol rules, each on a small file written byte by byte (see <see cref="FitFileWriter"/>).</summary>
public sealed class FitReaderProtocolTests
{
    private const string Name = "test.fit";
    private const uint T0 = May2024;

    // timestamp, position_lat, position_long, altitude, heart_rate, cadence, distance, speed, power
    private static readonly Field[] RecordFields =
    [
        new(253, 4, BaseUInt32), new(0, 4, BaseSInt32), new(1, 4, BaseSInt32), new(2, 2, BaseUInt16), new(3, 1, BaseUInt8),
        new(4, 1, BaseUInt8), new(5, 4, BaseUInt32), new(6, 2, BaseUInt16), new(7, 2, BaseUInt16),
    ];

    /// <summary>51.5° and -0.1° in semicircles (degrees * 2^31 / 180).</summary>
    private static readonly long Lat = (long)Math.Round(51.5 * 2147483648.0 / 180.0);
    private static readonly long Lon = (long)Math.Round(-0.1 * 2147483648.0 / 180.0);

    private static long[] RecordValues(uint time, long distanceCm = 123456) =>
        [time, Lat, Lon, 2600, 150, 85, distanceCm, 3500, 250];

    private static FitReadResult Read(byte[] data) => FitReader.Read(data, Name);

    private static Activity ReadActivity(byte[] data)
    {
        var result = Read(data);
        Assert.Null(result.Error);
        return Assert.IsType<Activity>(result.Activity);
    }

    [Fact]
    public void Record_ScalesAndOffsetsApplied()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();

        var activity = ReadActivity(data);

        var record = Assert.Single(activity.Records);
        Assert.Equal(FitTime(T0), record.Time);
        Assert.Equal(DateTimeKind.Utc, record.Time.Kind);
        Assert.Equal(51.5, record.Latitude, 1e-6);
        Assert.Equal(-0.1, record.Longitude, 1e-6);
        Assert.Equal(20.0, record.AltitudeMeters, 1e-9);       // 2600 / 5 - 500
        Assert.Equal(150, record.HeartRate);
        Assert.Equal(85, record.Cadence);
        Assert.Equal(1234.56, record.DistanceMeters, 1e-9);    // centimetres
        Assert.Equal(3.5, record.SpeedMetersPerSecond, 1e-9);  // mm/s
        Assert.Equal(250, record.PowerWatts);
        Assert.Empty(activity.Warnings);
        Assert.Equal(ActivityFormat.Fit, activity.Format);
    }

    [Fact]
    public void BigEndianDefinition_ReadsTheSameValues()
    {
        var data = new FitFileWriter().FileId(0, 4).BigEndianDefinition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();

        var record = Assert.Single(ReadActivity(data).Records);

        Assert.Equal(FitTime(T0), record.Time);
        Assert.Equal(51.5, record.Latitude, 1e-6);
        Assert.Equal(20.0, record.AltitudeMeters, 1e-9);
        Assert.Equal(1234.56, record.DistanceMeters, 1e-9);
        Assert.Equal(3.5, record.SpeedMetersPerSecond, 1e-9);
    }

    [Fact]
    public void InvalidValueMarkers_AreNaN()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields)
            .Data(1, [T0, 0x7FFFFFFF, 0x7FFFFFFF, 0xFFFF, 0xFF, 0xFF, 0xFFFFFFFF, 0xFFFF, 0xFFFF])
            .Build();

        var record = Assert.Single(ReadActivity(data).Records);

        Assert.False(record.HasPosition);
        Assert.True(double.IsNaN(record.AltitudeMeters));
        Assert.True(double.IsNaN(record.HeartRate));
        Assert.True(double.IsNaN(record.Cadence));
        Assert.True(double.IsNaN(record.DistanceMeters));
        Assert.True(double.IsNaN(record.SpeedMetersPerSecond));
        Assert.True(double.IsNaN(record.PowerWatts));
    }

    [Fact]
    public void EnhancedSpeedAndAltitude_WinOverTheShortFields()
    {
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 20, new Field(253, 4, BaseUInt32), new Field(2, 2, BaseUInt16), new Field(6, 2, BaseUInt16), new Field(73, 4, BaseUInt32), new Field(78, 4, BaseUInt32))
            .Data(1, [T0, 2600, 3500, 70000, 50000]) // enhanced: 70 m/s (beyond uint16 mm/s), 50000/5-500 = 9500 m
            .Data(1, [T0 + 1, 2600, 3500, 0xFFFFFFFF, 0xFFFFFFFF]) // enhanced invalid: fall back
            .Build();

        var records = ReadActivity(data).Records;

        Assert.Equal(70.0, records[0].SpeedMetersPerSecond, 1e-9);
        Assert.Equal(9500.0, records[0].AltitudeMeters, 1e-9);
        Assert.Equal(3.5, records[1].SpeedMetersPerSecond, 1e-9);
        Assert.Equal(20.0, records[1].AltitudeMeters, 1e-9);
    }

    [Fact]
    public void CompressedTimestamps_RollOverTheLastFullTimestamp()
    {
        // T0 + 30 has 30 in its low five bits; offsets 31, 0 (rolled over), 3 give +1, +2, +5 seconds.
        var full = T0 - (T0 & 0x1F) + 30;
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 20, new Field(253, 4, BaseUInt32), new Field(3, 1, BaseUInt8))
            .Data(1, [full, 100])
            .Definition(2, 20, new Field(3, 1, BaseUInt8))
            .CompressedData(2, 31, 101)
            .CompressedData(2, 0, 102)
            .CompressedData(2, 3, 103)
            .Build();

        var records = ReadActivity(data).Records;

        Assert.Equal([0, 1, 2, 5], records.Select(r => (r.Time - FitTime(full)).TotalSeconds));
        Assert.Equal([100.0, 101, 102, 103], records.Select(r => r.HeartRate));
    }

    [Fact]
    public void DeveloperFields_AreSkippedByTheirSize()
    {
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 20, false, [new Field(253, 4, BaseUInt32), new Field(3, 1, BaseUInt8)], [(0, 2, 0), (1, 5, 0)])
            .Data(1, [T0, 140], 0xAA, 0xBB, 1, 2, 3, 4, 5)
            .Data(1, [T0 + 1, 141], 0xAA, 0xBB, 1, 2, 3, 4, 5)
            .Build();

        var records = ReadActivity(data).Records;

        Assert.Equal([140.0, 141], records.Select(r => r.HeartRate));
        Assert.Equal(FitTime(T0 + 1), records[1].Time);
    }

    [Fact]
    public void TwelveByteHeader_WithoutHeaderCrc_Reads()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build(headerSize: 12);

        Assert.Single(ReadActivity(data).Records);
    }

    [Fact]
    public void FieldSizeNotAWholeNumberOfItsType_IsNaN()
    {
        // Distance declared uint32 but 1 byte long (COROS writes such definitions): no value, and the next field still lines up.
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 20, new Field(253, 4, BaseUInt32), new Field(5, 1, BaseUInt32), new Field(3, 1, BaseUInt8))
            .Data(1, [T0, 7, 120])
            .Build();

        var record = Assert.Single(ReadActivity(data).Records);

        Assert.True(double.IsNaN(record.DistanceMeters));
        Assert.Equal(120, record.HeartRate);
    }

    [Fact]
    public void CompressedSpeedDistance_AccumulatesDistanceAcrossRollOver()
    {
        // 12-bit speed (1/100 m/s) then 12-bit distance (1/16 m, rolls over at 4096 = 256 m).
        static long Packed(int speed, int distance) => (long)((uint)speed | ((uint)(distance & 0xFFF) << 12));
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 20, new Field(253, 4, BaseUInt32), new Field(8, 3, BaseByte))
            .Data(1, [T0, Packed(350, 4000)])
            .Data(1, [T0 + 1, Packed(360, 4096 + 50)]) // rolled over: +146/16 m
            .Build();

        var records = ReadActivity(data).Records;

        Assert.Equal(3.5, records[0].SpeedMetersPerSecond, 1e-9);
        Assert.Equal(4000 / 16.0, records[0].DistanceMeters, 1e-9);
        Assert.Equal(3.6, records[1].SpeedMetersPerSecond, 1e-9);
        Assert.Equal(4146 / 16.0, records[1].DistanceMeters, 1e-9);
    }

    [Fact]
    public void Session_FillsSportTotalsAndStart()
    {
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 20, RecordFields).Data(1, RecordValues(T0))
            .Session(2, T0, sport: 1, subSport: 3, elapsedMs: 3_600_500, distanceCm: 1_000_000)
            .Build();

        var activity = ReadActivity(data);

        Assert.Equal(Sport.Running, activity.Sport);
        Assert.Equal("trail", activity.SubSport);
        Assert.Equal(FitTime(T0), activity.StartTime);
        Assert.Equal(10_000, activity.DeviceDistanceMeters);
        Assert.Equal(3600.5, activity.DeviceElapsedSeconds);
        var session = Assert.Single(activity.Sessions);
        Assert.Equal(Sport.Running, session.Sport);
    }

    [Fact]
    public void SessionsOfDifferentSports_MakeAMultisportActivity()
    {
        var data = new FitFileWriter().FileId(0, 4)
            .Session(1, T0, sport: 5, subSport: 18, elapsedMs: 1_800_000, distanceCm: 150_000)
            .Session(1, T0 + 1800, sport: 3, subSport: 0, elapsedMs: 120_000, distanceCm: 10_000)
            .Session(1, T0 + 1920, sport: 2, subSport: 0, elapsedMs: 3_600_000, distanceCm: 4_000_000)
            .Build();

        var activity = ReadActivity(data);

        Assert.Equal(Sport.Multisport, activity.Sport);
        Assert.Null(activity.SubSport);
        Assert.Equal([Sport.Swimming, Sport.Transition, Sport.Cycling], activity.Sessions.Select(s => s.Sport));
        Assert.Equal("open-water", activity.Sessions[0].SubSport);
        Assert.Null(activity.Sessions[1].SubSport); // generic
        Assert.Equal(41_600, activity.DeviceDistanceMeters);
    }

    [Theory]
    [InlineData(0, Sport.Unknown)]
    [InlineData(1, Sport.Running)]
    [InlineData(2, Sport.Cycling)]
    [InlineData(3, Sport.Transition)]
    [InlineData(5, Sport.Swimming)]
    [InlineData(10, Sport.Training)]
    [InlineData(11, Sport.Walking)]
    [InlineData(17, Sport.Hiking)]
    [InlineData(18, Sport.Multisport)]
    [InlineData(37, Sport.Other)]
    public void SportMessage_MapsFitSports(int fitSport, Sport expected)
    {
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 12, new Field(0, 1, BaseEnum), new Field(1, 1, BaseEnum)).Data(1, [fitSport, 0])
            .Definition(2, 20, RecordFields).Data(2, RecordValues(T0))
            .Build();

        Assert.Equal(expected, ReadActivity(data).Sport);
    }

    [Fact]
    public void SetMessage_BecomesAStrengthSet()
    {
        // duration (ms), repetitions, weight (1/16 kg), set_type (1 active), start_time, category[2] (10 = hip raise), timestamp (254)
        var data = new FitFileWriter().FileId(0, 4)
            .Session(1, T0, sport: 10, subSport: 20, elapsedMs: 600_000, distanceCm: 0)
            .Definition(2, 225, new Field(0, 4, BaseUInt32), new Field(3, 2, BaseUInt16), new Field(4, 2, BaseUInt16), new Field(5, 1, BaseUInt8),
                new Field(6, 4, BaseUInt32), new Field(7, 4, BaseUInt16), new Field(254, 4, BaseUInt32))
            .Data(2, [45_000, 12, 60 * 16, 1, T0 + 60, 0xFFFF_000A, T0 + 105])
            .Data(2, [90_000, 0xFFFF, 0, 0, T0 + 105, 0xFFFF_FFFF, T0 + 195])
            .Build();

        var sets = ReadActivity(data).StrengthSets;

        Assert.Equal(2, sets.Count);
        Assert.Equal(new StrengthSet(FitTime(T0 + 60), 45, 12, 60, "hip-raise", false), sets[0]);
        Assert.Equal(new StrengthSet(FitTime(T0 + 105), 90, null, null, null, true), sets[1]);
    }

    [Fact]
    public void RecordWithoutAnyTimestamp_IsKeptAtTheFitEpochWithAWarning()
    {
        var data = new FitFileWriter().FileId(0, 4)
            .Definition(1, 20, new Field(3, 1, BaseUInt8)).Data(1, [140])
            .Build();

        var activity = ReadActivity(data);

        Assert.Equal(FitTime(0), Assert.Single(activity.Records).Time);
        Assert.Contains(activity.Warnings, w => w.StartsWith("test.fit: 1 records carry no timestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void HeaderCrcMismatch_KeepsTheDataWithAWarning()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();
        data[12] ^= 0x55;
        var fileCrc = FitCrc.Compute(data.AsSpan(0, data.Length - 2)); // the file CRC covers the header: keep it right
        data[^2] = (byte)fileCrc;
        data[^1] = (byte)(fileCrc >> 8);

        var activity = ReadActivity(data);

        Assert.Single(activity.Records);
        var warning = Assert.Single(activity.Warnings);
        Assert.StartsWith("test.fit: byte 12: header CRC mismatch", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void FileCrcMismatch_KeepsTheDataWithAWarning()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();
        data[^1] ^= 0x01;

        var activity = ReadActivity(data);

        Assert.Single(activity.Records);
        var warning = Assert.Single(activity.Warnings);
        Assert.StartsWith($"test.fit: byte {data.Length - 2}: file CRC mismatch", warning, StringComparison.Ordinal);
        Assert.False(activity.CutShort, "damaged is not cut short: every byte the header gives is there");
    }

    [Fact]
    public void TruncatedInsideARecord_KeepsTheRecordsBeforeIt()
    {
        var writer = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields);
        for (var i = 0u; i < 10; i++)
        {
            writer.Data(1, RecordValues(T0 + i));
        }

        var whole = writer.Build();
        var cut = whole[..(whole.Length - 2 - 10)]; // no CRC, and the last record lost 10 of its 25 bytes

        var activity = ReadActivity(cut);

        Assert.Equal(9, activity.Records.Count);
        var warning = Assert.Single(activity.Warnings);
        Assert.Equal($"test.fit: file ends at byte {cut.Length} inside a data message (it starts at byte {cut.Length - 15}); kept 9 records read before it", warning);
        Assert.True(activity.CutShort, "a complete copy of this recording may replace it");
        Assert.False(ReadActivity(whole).CutShort);
    }

    [Fact]
    public void TruncatedBeforeAnyRecord_IsAnError()
    {
        var whole = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();
        var cut = whole[..40]; // inside the record definition, after file_id

        var result = Read(cut);

        Assert.Null(result.Activity);
        Assert.Equal("activity", result.FileType);
        Assert.StartsWith("test.fit: no activity data (no records, laps or sessions); file ends at byte 40 inside a definition message (it starts at byte 32); kept 0 records read before it", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataMessageOfAnUndefinedLocalType_StopsWithAWarning()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0))
            .Raw(0x07, 1, 2, 3)
            .Build();

        var activity = ReadActivity(data);

        Assert.Single(activity.Records);
        Assert.Equal($"test.fit: byte {data.Length - 6}: a data message uses local message type 7, which no definition message declared; the rest of the file cannot be decoded; kept 1 records read before it", Assert.Single(activity.Warnings));
    }

    [Fact]
    public void HeaderClaimingHugeDataSize_ReadsWhatIsThere()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build(claimedDataSize: 0xFFFF_FFF0);

        var activity = ReadActivity(data);

        Assert.Single(activity.Records);
        Assert.Contains(activity.Warnings, w => w.StartsWith("test.fit: file ends at byte", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, "workout")]
    [InlineData(2, "settings")]
    [InlineData(32, "monitoring-b")]
    [InlineData(9, "weight")]
    public void NonActivityFile_IsAnErrorNamingItsType(int fileType, string name)
    {
        var data = new FitFileWriter().FileId(0, fileType).Build();

        var result = Read(data);

        Assert.Null(result.Activity);
        Assert.Equal(name, result.FileType);
        Assert.Equal($"test.fit: not an activity file (FIT file type: {name})", result.Error);
    }

    [Fact]
    public void EmptyFile_IsAnError() =>
        Assert.Equal("test.fit: the file is empty (0 bytes)", Read([]).Error);

    [Fact]
    public void TextFile_IsNotAFitFile() =>
        Assert.Equal("test.fit: not a FIT file (no \".FIT\" signature at bytes 8-11)", Read("<?xml version=\"1.0\"?><gpx></gpx>"u8.ToArray()).Error);

    [Fact]
    public void GzipFile_SaysToDecompressIt() =>
        Assert.Equal("test.fit: not a FIT file (it is gzip-compressed; decompress it first)", Read([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4]).Error);

    [Fact]
    public void ChainedActivityFiles_AreMergedIntoOneActivity()
    {
        var first = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0))
            .Session(2, T0, 5, 18, 60_000, 10_000).Build();
        var second = new FitFileWriter().FileId(0, 4).Definition(3, 20, RecordFields).Data(3, RecordValues(T0 + 100))
            .Session(2, T0 + 100, 2, 0, 60_000, 50_000).Build();

        var activity = ReadActivity([.. first, .. second]);

        Assert.Equal(2, activity.Records.Count);
        Assert.Equal(2, activity.Sessions.Count);
        Assert.Equal(Sport.Multisport, activity.Sport);
        Assert.Equal("test.fit: holds 2 chained FIT activity files; read as one activity", Assert.Single(activity.Warnings));
    }

    [Fact]
    public void DefinitionsDoNotCarryOverToTheNextChainedFile()
    {
        var first = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();
        var second = new FitFileWriter().Raw(0x01).Raw(new byte[27]).Build(); // data message of local type 1, never defined here

        var activity = ReadActivity([.. first, .. second]);

        Assert.Single(activity.Records);
        Assert.Contains(activity.Warnings, w => w.Contains("local message type 1, which no definition message declared", StringComparison.Ordinal));
    }

    [Fact]
    public void ChainedSettingsFile_AfterAnActivity_IsIgnored()
    {
        var activityPart = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();
        var settingsPart = new FitFileWriter().FileId(0, 2).Build();

        var result = Read([.. activityPart, .. settingsPart]);

        Assert.Equal("activity", result.FileType);
        Assert.Single(result.Activity!.Records);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void TrailingBytesThatAreNotAFitFile_AreReported()
    {
        var data = new FitFileWriter().FileId(0, 4).Definition(1, 20, RecordFields).Data(1, RecordValues(T0)).Build();

        var activity = ReadActivity([.. data, .. "garbage at the end"u8.ToArray()]);

        Assert.Equal($"test.fit: byte {data.Length}: the 18 bytes after the FIT data are not another FIT file (no \".FIT\" signature at bytes 8-11); ignored them", Assert.Single(activity.Warnings));
    }
}
