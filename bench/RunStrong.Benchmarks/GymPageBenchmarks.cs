using BenchmarkDotNet.Attributes;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Plans;
using RunStrong.Features.Training;

namespace RunStrong.Benchmarks;

/// <summary>
/// What the gym page and <c>runstrong next</c> cost for a runner with ten years of training (1,000 strength sessions of 9
/// sets, <see cref="TenYears"/>) and a gym plan: the day's planned session pre-filled by the progression engine
/// (<see cref="TodaysSession"/>) and the next prescription of every exercise (<see cref="NextPrescription"/>), each on a
/// fresh context as in a request. The baseline reads the whole strength log, which both did before they read only what
/// progression needs (docs/decisions/0031-prescriptions-read-recent-sessions.md).
/// </summary>
[MemoryDiagnoser]
public class GymPageBenchmarks
{
    private const string Profile = """
        {"experience": "some", "equipment": ["none", "loop-band", "barbell", "dumbbell", "bench"], "locations": ["home", "gym"],
         "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}}
        """;

    private string _directory = "";
    private DatabaseTarget _target = null!;
    private DateOnly _day;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("runstrong-gym-bench-").FullName;
        _target = DatabaseTarget.FromSqlitePath(Path.Combine(_directory, "ten-years.db"));
        TenYears.SeedAsync(_target, null, TimeProvider.System).GetAwaiter().GetResult();
        using var db = DataServices.CreateContext(_target);
        CreatePlan.HandleAsync(db, LocalRunner.Instance, TimeProvider.System, new CreatePlan.Request("Gym", Profile)).GetAwaiter().GetResult();
        var catalogue = new ExerciseCatalogue(db).AllAsync().GetAwaiter().GetResult();
        var plan = TrainingPlan.NewestAsync(db, LocalRunner.Instance, catalogue, default).GetAwaiter().GetResult()!;
        _day = plan.Plan.Days.First(d => plan.StrengthOn(d.Date).Count > 0).Date;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "read the whole strength log")]
    public async Task<int> WholeLog()
    {
        await using var db = DataServices.CreateContext(_target);
        return (await TrainingData.SessionRecordsAsync(db, LocalRunner.Instance, default)).Count;
    }

    [Benchmark(Description = "gym page: the day's planned session")]
    public async Task<int> GymPage()
    {
        await using var db = DataServices.CreateContext(_target);
        var day = await TodaysSession.HandleAsync(db, LocalRunner.Instance, TimeProvider.System, _day);
        return day.Planned.Sum(p => p.Rows.Count);
    }

    [Benchmark(Description = "the plan regenerated from its profile")]
    public async Task<int> Plan()
    {
        await using var db = DataServices.CreateContext(_target);
        var catalogue = await new ExerciseCatalogue(db).AllAsync();
        return (await TrainingPlan.ForDayAsync(db, LocalRunner.Instance, catalogue, _day, default))!.Plan.Weeks.Count;
    }

    [Benchmark(Description = "progress page stats, from the whole log and every run")]
    public async Task<int> ProgressFromEverything()
    {
        await using var db = DataServices.CreateContext(_target);
        return (await StrengthStats.HandleAsync(db, LocalRunner.Instance, new StrengthStats.Request("hip-thrust"))).Exercises[0].Volume.Count;
    }

    [Benchmark(Description = "progress page stats, from the exercise's sessions")]
    public async Task<int> Progress()
    {
        await using var db = DataServices.CreateContext(_target);
        return (await StrengthStats.ExerciseAsync(db, LocalRunner.Instance, "hip-thrust")).Volume.Count;
    }

    [Benchmark(Description = "next prescription of every exercise")]
    public async Task<int> Next()
    {
        await using var db = DataServices.CreateContext(_target);
        return (await NextPrescription.HandleAsync(db, LocalRunner.Instance, TimeProvider.System, new NextPrescription.Request())).Exercises.Count;
    }
}
