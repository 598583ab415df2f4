using System.Buffers.Binary;
using System.Globalization;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Fit;

/// <summary>
/// Reads FIT files (the public FIT protocol) into the domain activity model.
/// <para>
/// What it reads: the file header (12 or 14 bytes, ".FIT" signature, header CRC), definition and data messages in
/// either byte order, compressed timestamp headers, developer fields (skipped by size), several FIT files chained
/// one after another, and the file CRC-16. Of the messages it decodes file_id (0), sport (12), session (18), lap (19),
/// record (20) and set (225); every other message is skipped by the size its definition gives.
/// </para>
/// <para>
/// Bad input never throws. A problem found after something usable was read becomes a warning naming the file and the
/// byte offset, and the activity is kept (records before a truncation, data under a bad CRC); when nothing usable was
/// read the result carries an error instead. Memory is bounded by the real data length, never by sizes a header
/// claims.
/// </para>
/// </summary>
public static class FitReader
{
    private const int MinimumHeaderSize = 12;
    private const int FileTypeActivity = 4;

    /// <summary>Reads a whole FIT file already in memory. Never throws for bad input: problems come back in the result.</summary>
    /// <param name="data">The file's bytes (already decompressed).</param>
    /// <param name="sourceName">The file name, used in messages.</param>
    /// <returns>
    /// The activity, or an error. How the activity is assembled:
    /// <list type="bullet">
    /// <item><see cref="Activity.Sessions"/> holds every session message of every chained activity file, in file order.</item>
    /// <item><see cref="Activity.Sport"/> is the sessions' sport when they agree (transition sessions aside); when they
    /// name different sports it is <see cref="Sport.Multisport"/>; with no session it comes from the sport message.
    /// FIT "generic" is <see cref="Sport.Unknown"/>, and a sport the model does not name is <see cref="Sport.Other"/>.</item>
    /// <item><see cref="Activity.SubSport"/> is the kebab-case FIT sub-sport of the first session (or sport message),
    /// null for "generic" and for multisport activities.</item>
    /// <item><see cref="Activity.StartTime"/> is the first session's start, else the first record's time, else the
    /// first lap's start, else file_id time_created.</item>
    /// <item>Device totals are the sums over sessions of the values they report (null when none reports one).</item>
    /// <item>Chained activity files (a triathlon split over several headers, say) are merged into one activity;
    /// chained files of another type (settings after an activity) are ignored.</item>
    /// <item>Record values the file marks invalid are NaN; enhanced speed and altitude win over the 16-bit fields;
    /// speed and distance from compressed_speed_distance are used when nothing fuller is present.</item>
    /// </list>
    /// </returns>
    public static FitReadResult Read(ReadOnlySpan<byte> data, string sourceName)
    {
        var warnings = new List<string>();
        var cutShort = false;
        if (data.Length == 0)
        {
            return FitReadResult.Failed($"{sourceName}: the file is empty (0 bytes)");
        }

        if (!IsFitHeader(data, out var problem))
        {
            return FitReadResult.Failed($"{sourceName}: not a FIT file ({problem})");
        }

        var decoder = new FitMessageDecoder(data.Length);
        string? firstFileType = null;
        var activityParts = 0;
        var nonActivityType = (string?)null;
        var noTypeWarned = false;
        var position = 0;
        var part = 0;
        while (position < data.Length)
        {
            if (part > 0 && !IsFitHeader(data[position..], out problem))
            {
                warnings.Add($"{sourceName}: byte {position}: the {data.Length - position} bytes after the FIT data are not another FIT file ({problem}); ignored them");
                break;
            }

            var recordsBefore = decoder.RecordCount;
            var sessionsBefore = decoder.Sessions.Count;
            var lapsBefore = decoder.Laps.Count;
            var setsBefore = decoder.Sets.Count;
            var sportsBefore = decoder.SportMessages.Count;

            var headerSize = data[position];
            CheckHeaderCrc(data, position, headerSize, sourceName, warnings);
            var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            var dataStart = position + headerSize;
            var claimedEnd = dataStart + (long)dataSize;
            var dataEnd = (int)Math.Min(claimedEnd, data.Length);

            decoder.BeginFile();
            var outcome = decoder.Decode(data, dataStart, dataEnd);

            // This file's type decides whether its contents belong to the activity.
            var fileType = decoder.FileType;
            var typeName = FileTypeName(fileType);
            if (part == 0)
            {
                firstFileType = typeName;
            }

            var isActivity = fileType == FileTypeActivity || (fileType < 0 && HasActivityData(decoder, recordsBefore, sessionsBefore, lapsBefore));
            if (isActivity)
            {
                activityParts++;
                if (fileType < 0 && !noTypeWarned)
                {
                    noTypeWarned = true;
                    warnings.Add(decoder.SawFileId
                        ? $"{sourceName}: the file_id message names no file type; read as an activity because it holds records or sessions"
                        : $"{sourceName}: the file has no file_id message; read as an activity because it holds records or sessions");
                }
            }
            else
            {
                nonActivityType ??= typeName ?? "unknown";
                decoder.TruncateRecords(recordsBefore);
                TrimTo(decoder.Sessions, sessionsBefore);
                TrimTo(decoder.Laps, lapsBefore);
                TrimTo(decoder.Sets, setsBefore);
                TrimTo(decoder.SportMessages, sportsBefore);
            }

            if (outcome.Stop != DecodeStop.None)
            {
                warnings.Add(StopMessage(sourceName, outcome, data.Length, claimedEnd, decoder.RecordCount));
                cutShort = outcome.Stop is DecodeStop.InsideDataMessage or DecodeStop.InsideDefinitionMessage && (long)outcome.Position + outcome.Length > data.Length;
                break;
            }

            if (claimedEnd + 2 > data.Length)
            {
                cutShort = claimedEnd > data.Length;
                warnings.Add(claimedEnd > data.Length
                    ? $"{sourceName}: file ends at byte {data.Length}, {claimedEnd - data.Length} bytes short of the data size its header gives; kept {decoder.RecordCount} records read before it"
                    : $"{sourceName}: file ends at byte {data.Length} before its CRC; the data could not be checked");
                break;
            }

            var end = (int)claimedEnd;
            var storedCrc = BinaryPrimitives.ReadUInt16LittleEndian(data[end..]);
            var computedCrc = FitCrc.Compute(data[position..end]);
            if (storedCrc != computedCrc)
            {
                warnings.Add($"{sourceName}: byte {end}: file CRC mismatch (the file says 0x{storedCrc:X4}, the data gives 0x{computedCrc:X4}); the data may be damaged, kept what could be read");
            }

            position = end + 2;
            part++;
        }

        if (activityParts == 0)
        {
            var error = nonActivityType is not null && nonActivityType != "unknown"
                ? $"{sourceName}: not an activity file (FIT file type: {nonActivityType})"
                : $"{sourceName}: no activity data (no records, laps or sessions)";
            return FitReadResult.Failed(warnings.Count > 0 ? $"{error}; {string.Join("; ", warnings.Select(w => StripName(w, sourceName)))}" : error, warnings, firstFileType);
        }

        if (decoder.RecordCount == 0 && decoder.Sessions.Count == 0 && decoder.Laps.Count == 0 && decoder.Sets.Count == 0)
        {
            var error = $"{sourceName}: no activity data (no records, laps or sessions)";
            return FitReadResult.Failed(warnings.Count > 0 ? $"{error}; {string.Join("; ", warnings.Select(w => StripName(w, sourceName)))}" : error, warnings, firstFileType);
        }

        if (activityParts > 1)
        {
            warnings.Add($"{sourceName}: holds {activityParts} chained FIT activity files; read as one activity");
        }

        var activity = BuildActivity(decoder, sourceName, warnings);
        activity.CutShort = cutShort;
        return new FitReadResult(activity, firstFileType, warnings, null);
    }

    private static Activity BuildActivity(FitMessageDecoder decoder, string sourceName, List<string> warnings)
    {
        var records = decoder.Records;
        records.TrimExcess();
        var sessions = decoder.Sessions.ToArray();
        var laps = decoder.Laps.ToArray();
        var (sport, subSport) = ActivitySport(sessions, decoder.SportMessages);
        var startTime = sessions.FirstOrDefault(s => s.StartTime != FitMessageDecoder.UnknownTime)?.StartTime
            ?? (records.Count > 0 ? records[0].Time : (DateTime?)null)
            ?? laps.FirstOrDefault(l => l.StartTime != FitMessageDecoder.UnknownTime)?.StartTime
            ?? decoder.Sets.FirstOrDefault()?.StartTime
            ?? decoder.ToDateTime(decoder.TimeCreated);

        // Sessions and laps with no time of their own (broken-dates.fit has one) start with the activity.
        var undated = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].StartTime == FitMessageDecoder.UnknownTime)
            {
                sessions[i] = sessions[i] with { StartTime = startTime };
                undated++;
            }
        }

        for (var i = 0; i < laps.Length; i++)
        {
            if (laps[i].StartTime == FitMessageDecoder.UnknownTime)
            {
                laps[i] = laps[i] with { StartTime = startTime };
                undated++;
            }
        }

        if (undated > 0)
        {
            warnings.Add($"{sourceName}: {undated} sessions or laps carry no time; they are dated from the start of the activity");
        }

        if (decoder.RecordsWithoutTime > 0)
        {
            warnings.Add($"{sourceName}: {decoder.RecordsWithoutTime} records carry no timestamp and follow no message that has one; the file has no times");
        }

        if (decoder.SetsWithoutTime > 0)
        {
            warnings.Add($"{sourceName}: skipped {decoder.SetsWithoutTime} strength sets that carry no time");
        }

        if (decoder.SawRelativeTime)
        {
            warnings.Add($"{sourceName}: some timestamps count seconds from the device's power-on, not from a date (its clock was not set); the file holds no date");
        }

        // Records with no timestamp of their own are dated at the FIT epoch: they carry no times. A start before 1990
        // (the epoch, or a clock counting from power-on) is no date either.
        var timesRecorded = records.Count == 0 || decoder.RecordsWithoutTime < records.Count;
        var startSource = decoder.SawRelativeTime || startTime < ActivityTimes.EarliestActivity
            ? StartTimeSource.Unknown
            : timesRecorded || sessions.Length > 0 || laps.Length > 0 ? StartTimeSource.Recorded : StartTimeSource.FileMetadata;
        if (startSource == StartTimeSource.Unknown)
        {
            warnings.Add($"{sourceName}: no date in the file; give the day it was recorded when importing it");
        }

        var activity = new Activity
        {
            Format = ActivityFormat.Fit,
            Sport = sport,
            SubSport = subSport,
            StartTime = startSource == StartTimeSource.Unknown ? ActivityTimes.None : startTime,
            StartTimeSource = startSource,
            TimesRecorded = timesRecorded,
            Records = records,
            Laps = laps,
            Sessions = sessions,
            StrengthSets = decoder.Sets.ToArray(),
            DeviceDistanceMeters = Sum(sessions, s => s.DistanceMeters),
            DeviceElapsedSeconds = Sum(sessions, s => s.ElapsedSeconds),
            DeviceTimerSeconds = Sum(sessions, s => s.TimerSeconds),
        };
        activity.Warnings.AddRange(warnings);
        return activity;
    }

    /// <summary>See <see cref="Read"/>: sessions first, multisport when they name different sports, then sport messages.</summary>
    private static (Sport Sport, string? SubSport) ActivitySport(ActivitySession[] sessions, List<(int Sport, int SubSport)> sportMessages)
    {
        if (sessions.Length > 0)
        {
            var sport = Sport.Unknown;
            var distinct = 0;
            foreach (var session in sessions)
            {
                if (session.Sport is Sport.Transition or Sport.Unknown || session.Sport == sport)
                {
                    continue;
                }

                sport = session.Sport;
                distinct++;
            }

            if (distinct > 1)
            {
                return (Sport.Multisport, null);
            }

            if (distinct == 1)
            {
                return (sport, sessions.First(s => s.Sport == sport).SubSport);
            }

            if (sessions.All(s => s.Sport == Sport.Transition))
            {
                return (Sport.Transition, null);
            }
        }

        if (sportMessages.Count > 0)
        {
            var (sport, subSport) = sportMessages[0];
            var mapped = FitMessageDecoder.ToSport(sport);
            if (mapped != Sport.Unknown || sessions.Length == 0)
            {
                return (mapped, FitMessageDecoder.SubSportName(subSport));
            }
        }

        return sessions.Length > 0 ? (Sport.Unknown, sessions[0].SubSport) : (Sport.Unknown, null);
    }

    private static double? Sum(ActivitySession[] sessions, Func<ActivitySession, double?> value)
    {
        double? total = null;
        foreach (var session in sessions)
        {
            if (value(session) is { } v)
            {
                total = (total ?? 0) + v;
            }
        }

        return total;
    }

    private static bool HasActivityData(FitMessageDecoder decoder, int recordsBefore, int sessionsBefore, int lapsBefore) =>
        decoder.RecordCount > recordsBefore || decoder.Sessions.Count > sessionsBefore || decoder.Laps.Count > lapsBefore;

    private static void TrimTo<T>(List<T> list, int count)
    {
        if (list.Count > count)
        {
            list.RemoveRange(count, list.Count - count);
        }
    }

    /// <summary>Whether <paramref name="data"/> starts with a FIT file header; when not, what is wrong with it.</summary>
    private static bool IsFitHeader(ReadOnlySpan<byte> data, out string problem)
    {
        if (data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B)
        {
            problem = "it is gzip-compressed; decompress it first";
            return false;
        }

        if (data.Length < MinimumHeaderSize)
        {
            problem = $"only {data.Length} bytes, shorter than a FIT file header";
            return false;
        }

        if (data[8] != (byte)'.' || data[9] != (byte)'F' || data[10] != (byte)'I' || data[11] != (byte)'T')
        {
            problem = "no \".FIT\" signature at bytes 8-11";
            return false;
        }

        var headerSize = data[0];
        if (headerSize < MinimumHeaderSize || headerSize > data.Length)
        {
            problem = $"header size byte is {headerSize}, expected 12 or 14";
            return false;
        }

        problem = "";
        return true;
    }

    private static void CheckHeaderCrc(ReadOnlySpan<byte> data, int position, int headerSize, string sourceName, List<string> warnings)
    {
        if (headerSize < 14)
        {
            return;
        }

        // A header CRC of 0 means the writer did not compute one (allowed by the protocol).
        var stored = BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 12)..]);
        if (stored == 0)
        {
            return;
        }

        var computed = FitCrc.Compute(data.Slice(position, 12));
        if (stored != computed)
        {
            warnings.Add($"{sourceName}: byte {position + 12}: header CRC mismatch (the header says 0x{stored:X4}, its bytes give 0x{computed:X4}); read the data anyway");
        }
    }

    private static string StopMessage(string sourceName, DecodeOutcome outcome, int fileLength, long claimedEnd, int records)
    {
        var kept = $"kept {records} records read before it";
        var pastFileEnd = (long)outcome.Position + outcome.Length > fileLength;
        return outcome.Stop switch
        {
            DecodeStop.InsideDataMessage or DecodeStop.InsideDefinitionMessage when pastFileEnd =>
                $"{sourceName}: file ends at byte {fileLength} inside a {Kind(outcome.Stop)} message (it starts at byte {outcome.Position}); {kept}",
            DecodeStop.InsideDataMessage or DecodeStop.InsideDefinitionMessage =>
                $"{sourceName}: byte {outcome.Position}: a {Kind(outcome.Stop)} message runs past the end of the data the header gives (byte {claimedEnd}); the rest cannot be decoded; {kept}",
            _ => $"{sourceName}: byte {outcome.Position}: a data message uses local message type {outcome.LocalMessage.ToString(CultureInfo.InvariantCulture)}, which no definition message declared; the rest of the file cannot be decoded; {kept}",
        };

        static string Kind(DecodeStop stop) => stop == DecodeStop.InsideDataMessage ? "data" : "definition";
    }

    private static string StripName(string warning, string sourceName) =>
        warning.StartsWith(sourceName + ": ", StringComparison.Ordinal) ? warning[(sourceName.Length + 2)..] : warning;

    private static string? FileTypeName(int fileType) => fileType switch
    {
        < 0 => null,
        _ when fileType < FitNames.FileTypes.Length && FitNames.FileTypes[fileType] is { } name => name,
        _ => $"type {fileType.ToString(CultureInfo.InvariantCulture)}",
    };
}
