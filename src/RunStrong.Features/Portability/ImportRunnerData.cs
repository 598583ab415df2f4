using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using static RunStrong.Features.Portability.ExportRunnerData;

namespace RunStrong.Features.Portability;

/// <summary>
/// Reads a zip written by <see cref="ExportRunnerData"/> (from this or another RunStrong) into the current runner's
/// data. Rows get new ids and references are remapped (a session's plan). What is already stored is never changed:
/// an activity with a content hash the runner already has, and a plan, session or check-in identical to one already
/// stored, is skipped, so importing the same zip twice adds nothing. The whole import is one transaction, so a zip
/// that turns out bad half-way leaves the database as it was. A record the log would refuse (dated on a day nothing can
/// be logged on, <see cref="LoggedDays"/>, or with a value out of its range: reps below 0, an unknown body area) is
/// refused before anything is written, naming the record. A damaged original activity file does not stop the rest: its
/// activity comes in from its summary, without the file, and the report says so.
/// </summary>
public static class ImportRunnerData
{
    /// <summary>Rows of each kind.</summary>
    public sealed record Counts(int Plans, int StrengthSessions, int Sets, int SorenessCheckIns, int Activities);

    /// <summary>
    /// What an import did: rows added, rows skipped because they were already there, and what was damaged and how it was
    /// handled (an original activity file that no longer matches its content hash: the activity came in without it).
    /// </summary>
    public sealed record Report(string File, Counts Imported, Counts Skipped, IReadOnlyList<string> Problems);

    /// <summary>Activities (with their files) held before a save.</summary>
    private const int ActivityBatch = 20;

    /// <summary>Imports the zip in <paramref name="zip"/>; <paramref name="name"/> is the file's name for messages.</summary>
    public static async Task<Report> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, string name, Stream zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zip);
        name = string.IsNullOrWhiteSpace(name) ? "(unnamed upload)" : Path.GetFileName(name);

        // Reading a zip needs to seek; a network stream is spooled to a temporary file first (never to memory).
        Stream? spool = null;
        if (!zip.CanSeek)
        {
            spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await zip.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
        }

        try
        {
            using var archive = Open(name, spool ?? zip);
            var document = await ReadDocumentAsync(name, archive, cancellationToken);
            Validate(name, archive, document, LoggedDays.LatestTodayAnywhere(clock));
            return await StoreAsync(db, runner.RunnerId, name, archive, document, cancellationToken);
        }
        finally
        {
            if (spool is not null)
            {
                await spool.DisposeAsync();
            }
        }
    }

    private static ZipArchive Open(string name, Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentOutOfRangeException)
        {
            // Too short to hold a zip's end record makes some streams (uploads) throw ArgumentOutOfRangeException.
            throw new UserInputException("FILE", $"{name}: not a zip archive, so not a RunStrong export ({(e is InvalidDataException ? e.Message : "too short or unreadable")})");
        }
    }

    private static async Task<Document> ReadDocumentAsync(string name, ZipArchive archive, CancellationToken cancellationToken)
    {
        var entry = archive.GetEntry(JsonEntry)
            ?? throw new UserInputException("FILE", $"{name}: has no {JsonEntry}, so it is not a RunStrong export (make one with `runstrong export` or the Your data page)");
        Document? document;
        try
        {
            await using var json = await entry.OpenAsync(cancellationToken);
            document = await JsonSerializer.DeserializeAsync<Document>(json, RunStrongJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new UserInputException("FILE", $"{name}: {JsonEntry} is not valid ({e.Message})");
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException("FILE", $"{name}: {JsonEntry} cannot be read from the zip ({e.Message})");
        }

        if (document is null || document.Format != Format)
        {
            throw new UserInputException("FILE", $"{name}: {JsonEntry} does not say format \"{Format}\", so it is not a RunStrong export");
        }

        if (document.Version is < 1 or > ExportRunnerData.Version)
        {
            throw new UserInputException("FILE", $"{name}: export format version {document.Version} is not one this RunStrong reads (it reads version {ExportRunnerData.Version}); update RunStrong");
        }

        return document;
    }

    /// <summary>Everything checkable before a row is written: references, required values, days, the files named.</summary>
    /// <param name="today">The latest day that is today anywhere (an export made now, in any zone, holds nothing later).</param>
    private static void Validate(string name, ZipArchive archive, Document document, DateOnly today)
    {
        UserInputException Bad(string where, string what) => new("FILE", $"{name}: {JsonEntry}: {where} {what}");

        // The rule for the day of anything logged (LoggedDays), as when it is logged: a run or check-in by today, a planned
        // session up to a week ahead. The import is one transaction, so one such record refuses the whole export.
        void CheckDay(DateOnly day, string which, int daysAhead = 0)
        {
            if (!LoggedDays.IsLoggable(day, today, daysAhead))
            {
                throw Bad(which, $"is dated {day:yyyy-MM-dd}, not a day anything can be logged on ({LoggedDays.Earliest:yyyy-MM-dd} to "
                    + $"{(daysAhead == 0 ? "today" : $"{daysAhead} days after today")}); nothing was imported. Correct its day where it was exported from, or in the file");
            }
        }

        var plans = document.Plans ?? throw Bad("plans", "is missing");
        var planIds = new HashSet<long>();
        foreach (var plan in plans)
        {
            if (string.IsNullOrWhiteSpace(plan.Name) || string.IsNullOrWhiteSpace(plan.Profile))
            {
                throw Bad($"plan {plan.Id}", "has no name or no profile");
            }

            planIds.Add(plan.Id);
        }

        var activityIds = (document.Activities ?? throw Bad("activities", "is missing")).Select(a => a.Id).ToHashSet();
        var sessions = (document.StrengthSessions ?? throw Bad("strengthSessions", "is missing")).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var session in document.StrengthSessions)
        {
            var which = $"strength session {session.Id}";
            CheckDay(session.Date, which, LoggedDays.PlannedSessionDaysAhead);
            which += $" on {session.Date:yyyy-MM-dd}";
            if (session.PlanId is { } planId && !planIds.Contains(planId))
            {
                throw Bad(which, $"refers to plan {planId}, which is not in the export");
            }

            // A set read from a watch whose exercise the runner has not named yet has no variant (WatchStrength.Unmapped).
            if (session.Sets is null || session.Sets.Any(s => string.IsNullOrWhiteSpace(s.ExerciseSlug)
                || (string.IsNullOrWhiteSpace(s.VariantSlug) && !(s.ExerciseSlug == WatchStrength.Unmapped && s.GarminExercise is not null))))
            {
                throw Bad(which, "has a set without an exercise");
            }

            foreach (var set in session.Sets)
            {
                if (SetProblem(set) is { } problem)
                {
                    throw Bad($"{which}, set {set.Position + 1} ({set.ExerciseSlug}):", problem + "; nothing was imported");
                }
            }

            if (session.SessionRpe is { } sessionRpe && !SessionRpe.IsValid(sessionRpe))
            {
                throw Bad(which, string.Create(CultureInfo.InvariantCulture, $"has session RPE {sessionRpe}; session RPE is between {SessionRpe.Lowest} and {SessionRpe.Highest}; nothing was imported"));
            }

            // 0 is stored for a watch session of a few seconds (WatchStrength rounds to a tenth of a minute).
            if (session.DurationMinutes is { } minutes && !(minutes >= 0 && minutes <= 600))
            {
                throw Bad(which, string.Create(CultureInfo.InvariantCulture, $"lasts {minutes} minutes; a session lasts 0 to 600 minutes; nothing was imported"));
            }

            if (session.Sets.FirstOrDefault(s => s.GarminExercise is not null && !WatchStrength.IsGarminName(s.GarminExercise)) is { } badName)
            {
                throw Bad(which, $"has a set whose Garmin exercise \"{badName.GarminExercise}\" is not category/name of at most 120 characters");
            }

            if (session.SourceActivityId is { } activityId && !activityIds.Contains(activityId))
            {
                throw Bad(which, $"was read from activity {activityId}, which is not in the export");
            }

            if (session.MergeWithSessionId is { } mergeWith
                && (session.SourceActivityId is null || !sessions.TryGetValue(mergeWith, out var hand) || hand.SourceActivityId is not null))
            {
                throw Bad(which, $"waits for a choice against strength session {mergeWith}, which is not a watch session's hand-logged twin in the export");
            }
        }

        if (document.StrengthSessions.Where(s => s.SourceActivityId is not null).GroupBy(s => s.SourceActivityId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Bad($"activity {twice.Key}", "has more than one strength session read from it");
        }

        if ((document.GarminMappings ?? []).FirstOrDefault(m => !WatchStrength.IsGarminName(m.GarminExercise) || string.IsNullOrWhiteSpace(m.ExerciseSlug) || string.IsNullOrWhiteSpace(m.VariantSlug)) is { } mapping)
        {
            throw Bad($"garminMappings: \"{mapping.GarminExercise}\"", "is not a Garmin exercise (category/name, at most 120 characters) mapped to an exercise and variant");
        }

        if ((document.SorenessCheckIns ?? throw Bad("sorenessCheckIns", "is missing")).FirstOrDefault(c => string.IsNullOrWhiteSpace(c.Area)) is { } noArea)
        {
            throw Bad($"the soreness check-in on {noArea.Date:yyyy-MM-dd}", "has no body area");
        }

        foreach (var checkIn in document.SorenessCheckIns)
        {
            if (!Kebab.TryParse<BodyArea>(checkIn.Area, out _))
            {
                throw Bad($"the soreness check-in on {checkIn.Date:yyyy-MM-dd}",
                    $"names the body area \"{checkIn.Area}\", which is not one of {string.Join(", ", Kebab.Names<BodyArea>())}; nothing was imported");
            }

            if (checkIn.Score is < 0 or > 10)
            {
                throw Bad($"the {checkIn.Area} soreness check-in on {checkIn.Date:yyyy-MM-dd}",
                    string.Create(CultureInfo.InvariantCulture, $"has soreness {checkIn.Score}; soreness is between 0 and 10; nothing was imported"));
            }

            CheckDay(checkIn.Date, $"the {checkIn.Area} soreness check-in");
        }

        foreach (var log in document.SessionLogs ?? [])
        {
            var which = $"session log {log.PlannedSessionKey}";
            if (log.Kind is not ("hill-sprints" or "drills") || !LogPlannedSession.Statuses.Contains(log.Status) || string.IsNullOrWhiteSpace(log.PlannedSessionKey))
            {
                throw Bad(which, "is not a hill-sprint or drills session done, partly or skipped; nothing was imported");
            }

            if (LogPlannedSession.DoseProblem(log.Reps, log.Seconds, log.GradePercent) is { } dose)
            {
                throw Bad(which + ",", $"{dose.Field}: {dose.Message}; nothing was imported");
            }

            CheckDay(log.Date, which, LoggedDays.PlannedSessionDaysAhead);
        }

        foreach (var activity in document.Activities)
        {
            if (activity.LocalDate is { } day)
            {
                CheckDay(day, $"activity {activity.Id} ({activity.Name ?? activity.SourcePath})", LoggedDays.PlannedSessionDaysAhead);
            }

            if (activity.PlannedFor is { } plannedFor)
            {
                CheckDay(plannedFor, $"activity {activity.Id}'s plannedFor", LoggedDays.PlannedSessionDaysAhead);
            }

            if (string.IsNullOrWhiteSpace(activity.ContentHash) || string.IsNullOrWhiteSpace(activity.Format) || string.IsNullOrWhiteSpace(activity.Sport)
                || activity.SourcePath is null || activity.SummaryJson is null)
            {
                throw Bad($"activity {activity.Id}", "lacks its content hash, format, sport, source path or summary");
            }

            if (ActivityProblem(activity) is { } problem)
            {
                throw Bad($"activity {activity.Id} ({activity.Name ?? activity.SourcePath})", problem + "; nothing was imported");
            }

            if (activity.File is { } file && archive.GetEntry(file) is null)
            {
                throw new UserInputException("FILE", $"{name}: activity {activity.Id}'s original file {file} is not in the zip");
            }
        }
    }

    /// <summary>
    /// The exported heart rates, checked like the settings page checks them; they fill in settings this runner has
    /// not given, and never overwrite ones they have.
    /// </summary>
    private static async Task ImportHeartRateAsync(RunStrongDbContext db, Guid owner, string name, HeartRateItem? heartRate, CancellationToken cancellationToken)
    {
        if (heartRate is null)
        {
            return;
        }

        Settings.HeartRateSettings settings;
        try
        {
            settings = Settings.RunnerSettings.Validate(new Settings.RunnerSettings.Request(heartRate.RestingHeartRate, heartRate.MaxHeartRate, heartRate.TrimpWeighting));
        }
        catch (UserInputException e)
        {
            throw new UserInputException("FILE", $"{name}: heartRate: {e.Message}");
        }

        var runner = await db.Runners.AsTracking().FirstOrDefaultAsync(r => r.Id == owner, cancellationToken);
        if (runner is null || runner.RestingHeartRate is not null || runner.MaxHeartRate is not null || runner.TrimpWeighting is not null)
        {
            return;
        }

        runner.RestingHeartRate = settings.RestingHeartRate;
        runner.MaxHeartRate = settings.MaxHeartRate;
        runner.TrimpWeighting = settings.TrimpWeighting is { } w ? Domain.Catalogue.Kebab.Name(w) : null;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The exported units and zone fill in what this runner has not chosen; values this RunStrong does not know are left out.</summary>
    private static async Task ImportPreferencesAsync(RunStrongDbContext db, Guid owner, PreferencesItem? preferences, CancellationToken cancellationToken)
    {
        if (preferences is null)
        {
            return;
        }

        var runner = await db.Runners.AsTracking().FirstOrDefaultAsync(r => r.Id == owner, cancellationToken);
        if (runner is null)
        {
            return;
        }

        runner.DistanceUnit ??= Domain.Units.Measure.TryParse(preferences.DistanceUnit, out var unit) ? Domain.Units.Measure.Symbol(unit) : null;
        runner.WeightUnit ??= Domain.Units.Measure.TryParseMass(preferences.WeightUnit, out var mass) ? (mass == Domain.Training.MassUnit.Pounds ? "lb" : "kg") : null;
        runner.TimeZone ??= Settings.RunnerPreferences.FindZone(preferences.TimeZone)?.Id;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task<Report> StoreAsync(RunStrongDbContext db, Guid owner, string name, ZipArchive archive, Document document, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Units and zone first: an activity exported without its day gets its day in the runner's zone.
        await ImportPreferencesAsync(db, owner, document.Preferences, cancellationToken);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, owner, cancellationToken);

        // Plans: new ids; an identical stored plan is reused, so sessions point at it.
        var existingPlans = (await db.Plans.Where(p => p.OwnerId == owner).Select(p => new { p.Id, p.Name, p.StartDate, p.ProfileJson, p.CreatedAt }).ToListAsync(cancellationToken))
            .GroupBy(p => PlanKey(p.Name, p.StartDate, p.ProfileJson, p.CreatedAt))
            .ToDictionary(g => g.Key, g => g.First().Id);
        var planIds = new Dictionary<long, long>();
        int plansAdded = 0, plansSkipped = 0;
        foreach (var plan in document.Plans)
        {
            var key = PlanKey(plan.Name, plan.StartDate, plan.Profile, plan.CreatedAt);
            if (existingPlans.TryGetValue(key, out var existingId))
            {
                planIds[plan.Id] = existingId;
                plansSkipped++;
                continue;
            }

            var row = new PlanRecord
            {
                OwnerId = owner,
                Name = plan.Name,
                ProfileJson = plan.Profile,
                StartDate = plan.StartDate,
                Weeks = plan.Weeks,
                CalendarToken = Plans.CalendarToken.New(),
                IsDemo = plan.IsDemo,
                CreatedAt = Utc(plan.CreatedAt),
                UpdatedAt = Utc(plan.UpdatedAt),
            };
            db.Plans.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            planIds[plan.Id] = row.Id;
            existingPlans[key] = row.Id;
            plansAdded++;
        }

        // Activities: the same content is never stored twice (the hash is checked against the file's bytes).
        // A watch session names its activity by the export's id, and its hash finds the stored one (already here, or
        // added now: its id is learnt when its batch is saved, and the batch, files and all, is let go).
        var storedByHash = (await db.Activities.Where(a => a.OwnerId == owner).Select(a => new { a.ContentHash, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.ContentHash, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(a => a.Id), StringComparer.Ordinal);
        var batch = new List<StoredActivity>();
        async Task SaveBatchAsync()
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            batch.ForEach(row => storedByHash[row.ContentHash] = row.Id);
            batch.Clear();
        }

        var problems = new List<string>();
        var activityHashes = new Dictionary<long, string>();
        int activitiesAdded = 0, activitiesSkipped = 0;
        foreach (var activity in document.Activities)
        {
            activityHashes[activity.Id] = activity.ContentHash;
            if (storedByHash.ContainsKey(activity.ContentHash) || batch.Exists(r => r.ContentHash == activity.ContentHash))
            {
                activitiesSkipped++;
                continue;
            }

            var row = new StoredActivity
            {
                OwnerId = owner,
                Format = activity.Format,
                Sport = activity.Sport,
                SubSport = activity.SubSport,
                StartTime = Utc(activity.StartTime),
                LocalDate = activity.LocalDate ?? preferences.DayOf(Utc(activity.StartTime)),
                PlannedFor = activity.PlannedFor,
                Name = activity.Name,
                Description = activity.Description,
                DistanceMeters = activity.DistanceMeters,
                ElapsedSeconds = activity.ElapsedSeconds,
                MovingSeconds = activity.MovingSeconds,
                AscentMeters = activity.AscentMeters,
                DescentMeters = activity.DescentMeters,
                AverageHeartRate = activity.AverageHeartRate,
                MaxHeartRate = activity.MaxHeartRate,
                RecordCount = activity.RecordCount,
                ContentHash = activity.ContentHash,
                SourcePath = activity.SourcePath,
                SummaryJson = activity.SummaryJson,
                ImportedAt = Utc(activity.ImportedAt),
                RunType = activity.RunType,
                Rpe = activity.Rpe,
                IsDemo = activity.IsDemo,
            };
            if (activity.File is { } file)
            {
                // One damaged original never stops the rest: the activity comes in from its summary, without the file.
                var content = await ReadEntryAsync(archive.GetEntry(file)!, cancellationToken);
                var damage = content is null ? "cannot be read from the zip"
                    : !string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), activity.ContentHash, StringComparison.OrdinalIgnoreCase) ? "does not match its content hash"
                    : null;
                if (damage is null)
                {
                    row.File = new ActivityFile { OwnerId = owner, FileName = activity.FileName ?? Path.GetFileName(file), GzipContent = Gzip(content!) };
                }
                else
                {
                    problems.Add($"{name}: {file} {damage}, so the export was changed or damaged; activity {activity.Id} ({activity.Name ?? activity.SourcePath}, "
                        + $"{row.LocalDate:yyyy-MM-dd}) was imported from its summary, without its original file");
                }
            }

            db.Activities.Add(row);
            batch.Add(row);
            activitiesAdded++;
            if (batch.Count >= ActivityBatch)
            {
                await SaveBatchAsync();
            }
        }

        await SaveBatchAsync();
        long StoredActivityId(long exportId) => storedByHash[activityHashes[exportId]];

        // Strength sessions with their sets. A session read from a watch is tied to its activity here, and is already
        // stored when that activity already has its session (one per activity).
        var existingSessions = await db.StrengthSessions.Where(s => s.OwnerId == owner)
            .Select(s => new { s.Id, s.Date, s.PlannedSessionKey, s.Notes, s.CreatedAt, Sets = s.Sets.Count, s.SourceActivityId }).ToListAsync(cancellationToken);
        var sessionsByKey = existingSessions
            .GroupBy(s => SessionKey(s.Date, s.PlannedSessionKey, s.Notes, s.CreatedAt, s.Sets), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Id: g.Min(s => s.Id), Added: (StrengthSessionRecord?)null), StringComparer.Ordinal);
        var activitiesWithASession = existingSessions.Where(s => s.SourceActivityId is not null).Select(s => s.SourceActivityId!.Value).ToHashSet();
        var sessionRows = new Dictionary<long, (long Id, StrengthSessionRecord? Added)>();
        int sessionsAdded = 0, sessionsSkipped = 0, setsAdded = 0, setsSkipped = 0;
        foreach (var session in document.StrengthSessions)
        {
            var key = SessionKey(session.Date, session.PlannedSessionKey, session.Notes, session.CreatedAt, session.Sets.Count);
            long? sourceActivity = session.SourceActivityId is { } exported ? StoredActivityId(exported) : null;
            if (sessionsByKey.TryGetValue(key, out var stored) || (sourceActivity is { } a && !activitiesWithASession.Add(a)))
            {
                sessionRows.TryAdd(session.Id, stored);
                sessionsSkipped++;
                setsSkipped += session.Sets.Count;
                continue;
            }

            var record = new StrengthSessionRecord
            {
                OwnerId = owner,
                Date = session.Date,
                PlanId = session.PlanId is { } planId ? planIds[planId] : null,
                PlannedSessionKey = session.PlannedSessionKey,
                SessionRpe = session.SessionRpe,
                DurationMinutes = session.DurationMinutes,
                Notes = session.Notes,
                IsDemo = session.IsDemo,
                CreatedAt = Utc(session.CreatedAt),
                Sets = session.Sets.Select(s => ToRecord(s, owner)).ToList(),
                SourceActivityId = sourceActivity,
            };
            db.StrengthSessions.Add(record);
            sessionsByKey[key] = sessionRows[session.Id] = (0, record);
            sessionsAdded++;
            setsAdded += session.Sets.Count;
        }

        var existingCheckIns = (await db.SorenessCheckIns.Where(c => c.OwnerId == owner).Select(c => new { c.Date, c.Area, c.Score, c.CreatedAt }).ToListAsync(cancellationToken))
            .Select(c => CheckInKey(c.Date, c.Area, c.Score, c.CreatedAt))
            .ToHashSet(StringComparer.Ordinal);
        int checkInsAdded = 0, checkInsSkipped = 0;
        foreach (var checkIn in document.SorenessCheckIns)
        {
            if (!existingCheckIns.Add(CheckInKey(checkIn.Date, checkIn.Area, checkIn.Score, checkIn.CreatedAt)))
            {
                checkInsSkipped++;
                continue;
            }

            db.SorenessCheckIns.Add(new SorenessRecord
            {
                OwnerId = owner,
                Date = checkIn.Date,
                Area = checkIn.Area,
                Score = checkIn.Score,
                Notes = checkIn.Notes,
                IsDemo = checkIn.IsDemo,
                CreatedAt = Utc(checkIn.CreatedAt),
            });
            checkInsAdded++;
        }

        // Logged hill-sprint and drills sessions: one per planned session; one already logged here is kept.
        foreach (var log in document.SessionLogs ?? [])
        {
            if (await db.SessionLogs.AnyAsync(l => l.OwnerId == owner && l.Date == log.Date && l.PlannedSessionKey == log.PlannedSessionKey, cancellationToken)
                || db.SessionLogs.Local.Any(l => l.Date == log.Date && l.PlannedSessionKey == log.PlannedSessionKey))
            {
                continue;
            }

            db.SessionLogs.Add(new SessionLogRecord
            {
                OwnerId = owner,
                Date = log.Date,
                PlanId = log.PlanId is { } p && planIds.TryGetValue(p, out var mapped) ? mapped : null,
                PlannedSessionKey = log.PlannedSessionKey,
                Kind = log.Kind,
                Status = log.Status,
                Reps = log.Reps,
                Seconds = log.Seconds,
                GradePercent = log.GradePercent,
                Notes = log.Notes,
                CreatedAt = Utc(log.CreatedAt),
                UpdatedAt = Utc(log.UpdatedAt),
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        // A watch session still waiting for the runner's choice waits against the same hand-logged session here.
        foreach (var session in document.StrengthSessions.Where(s => s.MergeWithSessionId is not null))
        {
            if (sessionRows.GetValueOrDefault(session.Id).Added is { } record
                && sessionRows.TryGetValue(session.MergeWithSessionId!.Value, out var hand) && (hand.Added?.Id ?? hand.Id) is > 0 and var handId)
            {
                record.MergeWithSessionId = handId;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // The runner's Garmin names; a name already mapped here keeps its mapping, and one mapped to an exercise this server's
        // catalogue lacks is left out (the runner is asked for that name again, as for any name not mapped yet).
        var named = (await db.GarminExerciseMappings.Where(m => m.OwnerId == owner).Select(m => m.GarminExercise).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var catalogue = await new Catalogue.ExerciseCatalogue(db).AllAsync(cancellationToken);
        foreach (var mapping in (document.GarminMappings ?? [])
            .Where(m => catalogue.Any(e => e.Slug == m.ExerciseSlug && e.Progression.Any(v => v.Slug == m.VariantSlug)) && named.Add(m.GarminExercise)))
        {
            db.GarminExerciseMappings.Add(new GarminExerciseMappingRecord
            {
                OwnerId = owner,
                GarminExercise = mapping.GarminExercise,
                ExerciseSlug = mapping.ExerciseSlug,
                VariantSlug = mapping.VariantSlug,
                CreatedAt = Utc(mapping.CreatedAt),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await ImportHeartRateAsync(db, owner, name, document.HeartRate, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new Report(name,
            new Counts(plansAdded, sessionsAdded, setsAdded, checkInsAdded, activitiesAdded),
            new Counts(plansSkipped, sessionsSkipped, setsSkipped, checkInsSkipped, activitiesSkipped),
            problems);
    }

    private static LoggedSetRecord ToRecord(SetItem set, Guid owner) => new()
    {
        OwnerId = owner,
        Position = set.Position,
        ExerciseSlug = set.ExerciseSlug,
        VariantSlug = set.VariantSlug,
        Reps = set.Reps,
        LoadValue = set.LoadValue,
        LoadUnit = set.LoadUnit,
        Band = set.Band,
        Seconds = set.Seconds,
        Rpe = set.Rpe,
        RepsInReserve = set.RepsInReserve,
        Pain = set.Pain,
        Completed = set.Completed,
        GarminExercise = set.GarminExercise,
    };

    /// <summary>
    /// Why a set cannot be stored, or null: it must read back as the log reads every set (<see cref="TrainingData.ToDomain(LoggedSetRecord)"/>),
    /// with its load in kg or lb and its band one the log knows. (An export from an older RunStrong, or one edited by hand,
    /// once brought in reps of -5, and the history, progress and dashboard pages failed on them.)
    /// </summary>
    private static string? SetProblem(SetItem set)
    {
        if (set.Position < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"has position {set.Position}; positions start at 0");
        }

        if ((set.LoadValue is null) != (set.LoadUnit is null) || set.LoadUnit is not (null or "kg" or "lb"))
        {
            return $"has load {set.LoadValue?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} {set.LoadUnit ?? "(no unit)"}; a load is a number in kg or lb";
        }

        if (set.Band is { } band && !Kebab.TryParse<BandResistance>(band, out _))
        {
            return $"has band \"{band}\"; expected one of {string.Join(", ", Kebab.Names<BandResistance>())}";
        }

        try
        {
            // A watch's set not named yet has no variant (WatchStrength.Unmapped); its values are checked all the same.
            var record = ToRecord(set, Guid.Empty);
            record.VariantSlug = string.IsNullOrWhiteSpace(record.VariantSlug) ? WatchStrength.Unmapped : record.VariantSlug;
            TrainingData.ToDomain(record);
            return null;
        }
        catch (DomainValueException e)
        {
            return e.Message;
        }
    }

    /// <summary>Why an activity's values cannot be stored, or null: they must be what an import or the run log can make.</summary>
    private static string? ActivityProblem(ActivityItem activity)
    {
        static bool Amount(double value) => double.IsFinite(value) && value >= 0;
        if (!Amount(activity.DistanceMeters) || !Amount(activity.ElapsedSeconds) || !Amount(activity.MovingSeconds)
            || !Amount(activity.AscentMeters) || !Amount(activity.DescentMeters) || activity.RecordCount < 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"has distance {activity.DistanceMeters} m, time {activity.ElapsedSeconds} s (moving {activity.MovingSeconds} s), climb {activity.AscentMeters} m, descent {activity.DescentMeters} m or {activity.RecordCount} records below zero or not a number");
        }

        // Not the plausible range (Plausibility.MaxHeartRate): a file's implausible heart rate is stored as recorded, flagged, and
        // must come back in; only what no import stores is refused.
        if ((activity.AverageHeartRate is { } average && !Amount(average)) || (activity.MaxHeartRate is { } max && !Amount(max)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"has heart rate {activity.AverageHeartRate} average, {activity.MaxHeartRate} max; a heart rate is a number, 0 or more");
        }

        if (activity.RunType is { } type && !Kebab.TryParse<RunType>(type, out _))
        {
            return $"has run type \"{type}\"; expected one of {string.Join(", ", Kebab.Names<RunType>())}";
        }

        return activity.Rpe is { } rpe && !SessionRpe.IsValid(rpe)
            ? string.Create(CultureInfo.InvariantCulture, $"has RPE {rpe}; RPE is between {SessionRpe.Lowest} and {SessionRpe.Highest}")
            : null;
    }

    /// <summary>The entry's bytes, or null when the zip's copy is damaged (its compressed data or checksum is wrong).</summary>
    private static async Task<byte[]?> ReadEntryAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    // Natural keys for "already stored". Times to the second: PostgreSQL keeps microseconds, SQLite ticks.
    private static string PlanKey(string name, DateOnly start, string profile, DateTime createdAt) =>
        string.Join('\u001f', name, start.DayNumber, Second(createdAt), profile);

    private static string SessionKey(DateOnly date, string? plannedKey, string? notes, DateTime createdAt, int sets) =>
        string.Join('\u001f', date.DayNumber, plannedKey ?? "", notes ?? "", Second(createdAt), sets);

    private static string CheckInKey(DateOnly date, string area, int score, DateTime createdAt) =>
        string.Join('\u001f', date.DayNumber, area, score, Second(createdAt));

    private static long Second(DateTime value) => value.Ticks / TimeSpan.TicksPerSecond;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
