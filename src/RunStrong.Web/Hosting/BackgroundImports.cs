using Quartz;
using RunStrong.Data;
using RunStrong.Features.Activities;

namespace RunStrong.Web.Hosting;

/// <summary>
/// Background imports on Quartz.NET with its ADO job store in RunStrong's own database (docs/decisions/0029): clustered on
/// PostgreSQL, so whichever web node is free runs a job and a node that dies has its jobs recovered by another; on SQLite
/// one node, not clustered, with the same code. A Quartz job carries only the import's id; the files and the results are
/// RunStrong's own rows (<see cref="ImportJobs"/>).
/// </summary>
public static class BackgroundImports
{
    /// <summary>Every node of one deployment shares this scheduler name (a Quartz cluster is the nodes of one name).</summary>
    public const string SchedulerName = "RunStrong";

    public const string JobGroup = "imports";

    public static IServiceCollection AddRunStrongBackgroundImports(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(options =>
            {
                options.InstanceName = SchedulerName;
                // A stopping node cancels its running imports' token: each stops after the file it is on and is run again.
                options.ShutdownJobInterruption = ShutdownJobInterruption.Always;
                // Few imports at once: each reads, analyses and writes a stream of files.
                options.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            q.UseDefaultThreadPool(maxConcurrency: 2);

            // No UseTimeProvider here: in Quartz 4.7 it replaces the container's TimeProvider, the app's one clock
            // (docs/decisions/0019). The scheduler runs on the app's clock, which is the system's outside tests.
            q.UsePersistentStore(store =>
            {
                if (target.Provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(target.ConnectionString);
                    store.UseClustering();
                }
                else
                {
                    // SQLite: one node; Quartz locks in process there (docs/decisions/0029).
                    store.UseSqlite(target.ConnectionString);
                }

                store.ConfigureStore(options =>
                {
                    options.StoreJobDataAsStrings = true;
                    // A run that stops with its node (OperationCanceledException) is handed back as a recovery trigger,
                    // in the same transaction: another node, or this one when it starts again, resumes it.
                    options.RecoverFiringsCancelledByShutdown = true;
                });
                store.UseSystemTextJsonSerializer();
            });
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
        });
        services.AddHostedService<UnfinishedImports>();
        return services;
    }

    /// <summary>The Quartz job of import <paramref name="importId"/>: one per import, so a second schedule of it is refused.</summary>
    public static JobKey KeyOf(long importId) => new($"import-{importId}", JobGroup);

    /// <summary>Schedules import <paramref name="importId"/> to run now on whichever node is free; false when it already is.</summary>
    public static async Task<bool> ScheduleAsync(ISchedulerFactory schedulers, long importId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = KeyOf(importId);
        if (await scheduler.Exists(key, cancellationToken))
        {
            return false;
        }

        var job = JobBuilder.Create<ImportJobRun>()
            .WithIdentity(key)
            .UsingJobData(ImportJobRun.ImportIdKey, importId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // A node killed while running it leaves a fired trigger behind; recovery runs the job again.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity($"import-{importId}", JobGroup).StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node scheduled it first.
            return false;
        }
    }
}

/// <summary>Runs one import (<see cref="ImportJobs.RunAsync"/>); one run of an import at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed partial class ImportJobRun(DatabaseTarget target, TimeProvider clock, ILogger<ImportJobRun> logger) : IJob
{
    public const string ImportIdKey = "importId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = long.Parse(context.MergedJobDataMap.GetString(ImportIdKey)!, System.Globalization.CultureInfo.InvariantCulture);
        ImportJobs.RunOutcome outcome;
        try
        {
            outcome = await ImportJobs.RunAsync(target, clock, id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bad file never gets here (each file's failure is its result); this is the job itself failing.
            LogFailed(logger, id, ex);
            await ImportJobs.FailAsync(target, clock, id, $"the import stopped: {ex.Message}");
            return;
        }

        LogRun(logger, id, outcome, context.Recovering);
        if (outcome == ImportJobs.RunOutcome.Interrupted)
        {
            // The node is stopping: Quartz hands the firing back for recovery (RecoverFiringsCancelledByShutdown).
            throw new OperationCanceledException($"import {id} stopped with its node; it resumes", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId}: {Outcome} (recovering: {Recovering})")]
    private static partial void LogRun(ILogger logger, long importId, ImportJobs.RunOutcome outcome, bool recovering);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private static partial void LogFailed(ILogger logger, long importId, Exception exception);
}

/// <summary>
/// On start, makes sure every unfinished import has its Quartz job (a node stopped between storing an import and
/// scheduling it, or stopped while running one and could not hand it on). Scheduling is idempotent: one job per import.
/// </summary>
public sealed partial class UnfinishedImports(DatabaseTarget target, ISchedulerFactory schedulers, ILogger<UnfinishedImports> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            IReadOnlyList<long> unfinished;
            await using (var db = DataServices.CreateContext(target))
            {
                unfinished = await ImportJobs.UnfinishedAsync(db, stoppingToken);
            }

            foreach (var id in unfinished)
            {
                if (await BackgroundImports.ScheduleAsync(schedulers, id, stoppingToken))
                {
                    LogResumed(logger, id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} was unfinished; scheduled to resume")]
    private static partial void LogResumed(ILogger logger, long importId);
}
