using System.Text.Json;
using RunStrong.ActivityFiles.Workouts;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Workouts;

/// <summary>
/// FIT workouts of a generated plan's sessions, decoded by Garmin's own JavaScript FIT SDK (tests/fitsdk): each file is
/// a workout file the SDK reads without error, with the steps, exercises, loads and repeats the session plans.
/// </summary>
public sealed class WorkoutExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-fit-workouts-").FullName;

    private static readonly Lazy<Plan> GymPlan = new(() => Generate(
        """
        {"experience": "regular", "equipment": ["none", "loop-band", "barbell", "bench", "dumbbell"], "locations": ["gym"],
         "week": {"mon": "easy", "tue": "quality", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "easy", "sun": "long"},
         "strengthDays": ["mon", "thu"], "weeks": 6, "units": {"weight": "lb"},
         "lifts": [{"exercise": "hip-thrust", "variant": "barbell", "reps": 8, "load": "135 lb"}]}
        """));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Plan Generate(string profileJson)
    {
        var parsed = RunnerProfileJson.Parse(profileJson, TestClock.Today);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return PlanGenerator.Generate(parsed.Profile!, BuiltInCatalogue.Exercises, TestClock.NextMonday);
    }

    private (PlanDay Day, int Index, PlanSession Session) First(SessionKind kind) =>
        GymPlan.Value.Days.SelectMany(d => d.Sessions.Select((s, i) => (d, i, s))).First(x => x.s.Kind == kind);

    private JsonElement WriteAndDecode(PlanDay day, int index, PlanSession session, out FitWorkout workout)
    {
        workout = PlannedWorkouts.Build(session, day.Date, index, BuiltInCatalogue.Find);
        var path = Path.Combine(_folder, PlannedWorkouts.FileName(session, day.Date, index));
        File.WriteAllBytes(path, WorkoutFitWriter.Write(workout, TestClock.Now));
        var decoded = GarminFitSdk.Decode(path).GetProperty("files").GetProperty(path);
        Assert.Equal(0, decoded.GetProperty("errors").GetArrayLength());
        Assert.True(decoded.GetProperty("isFit").GetBoolean());
        Assert.True(decoded.GetProperty("integrity").GetBoolean(), "the SDK's CRC check of our file");
        Assert.Equal("workout", decoded.GetProperty("fileId")[0].GetProperty("type").GetString());
        return decoded;
    }

    private static string Str(JsonElement message, string field) =>
        message.TryGetProperty(field, out var value) ? value.ToString() : "";

    private static int Int(JsonElement message, string field) => message.GetProperty(field).GetInt32();

    [Fact]
    public void Strength_session_decodes_as_a_strength_workout_with_a_set_rest_and_repeat_per_exercise()
    {
        var (day, index, session) = First(SessionKind.Strength);
        var decoded = WriteAndDecode(day, index, session, out _);

        var workout = decoded.GetProperty("workout")[0];
        Assert.Equal("training", Str(workout, "sport"));
        Assert.Equal("strengthTraining", Str(workout, "subSport"));
        var steps = decoded.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(steps.Length, Int(workout, "numValidSteps"));

        // Each exercise: its set, its rest, and a repeat back to the set for the planned number of sets.
        var expectedSteps = session.Exercises.Sum(e => 1 + (e.RestSeconds > 0 ? 1 : 0) + (e.Sets > 1 ? 1 : 0));
        Assert.Equal(expectedSteps, steps.Length);
        var position = 0;
        foreach (var planned in session.Exercises)
        {
            var exercise = BuiltInCatalogue.Find(planned.Slug)!;
            var garmin = exercise.GarminFor(planned.Variant)!;
            var set = steps[position];
            Assert.Equal(Camel(garmin.Category), Str(set, "exerciseCategory"));
            Assert.Equal(WorkoutFitWriter.Resolve(garmin).Name, Int(set, "exerciseName"));
            Assert.Equal("active", Str(set, "intensity"));
            if (planned.RepsMin is { } reps)
            {
                Assert.Equal("reps", Str(set, "durationType"));
                Assert.Equal(reps, Int(set, "durationReps"));
            }
            else
            {
                Assert.Equal("time", Str(set, "durationType"));
                Assert.Equal(planned.Seconds, Int(set, "durationTime"));
            }

            if (planned.Load is { } load && Domain.Training.Mass.TryParse(load, out var mass, out _))
            {
                Assert.Equal(Math.Round(mass.Kilograms, 2), set.GetProperty("exerciseWeight").GetDouble(), 2);
                Assert.Equal("pound", Str(set, "weightDisplayUnit"));
            }
            else
            {
                Assert.False(set.TryGetProperty("exerciseWeight", out _), $"{planned.Slug} has no load, so no weight");
            }

            var first = position++;
            if (planned.RestSeconds > 0)
            {
                Assert.Equal("rest", Str(steps[position], "intensity"));
                Assert.Equal(planned.RestSeconds, Int(steps[position++], "durationTime"));
            }

            if (planned.Sets > 1)
            {
                var repeat = steps[position++];
                Assert.Equal("repeatUntilStepsCmplt", Str(repeat, "durationType"));
                Assert.Equal(first, Int(repeat, "durationStep"));
                Assert.Equal(planned.Sets, Int(repeat, "repeatSteps"));
            }
        }

        // The planned load of the barbell hip thrust (from the runner's 8 × 135 lb) is the step's weight, shown in pounds.
        Assert.Contains(steps, s => Str(s, "exerciseCategory") == "hipRaise" && s.TryGetProperty("exerciseWeight", out _));

        // The watch names each exercise as RunStrong does.
        var titles = decoded.GetProperty("titles").EnumerateArray().Select(t => Str(t, "wktStepName")).ToArray();
        foreach (var planned in session.Exercises)
        {
            var name = BuiltInCatalogue.Find(planned.Slug)!.Progression.First(v => v.Slug == planned.Variant).Name;
            Assert.Contains(name, titles);
        }
    }

    [Fact]
    public void Hill_sprint_session_decodes_as_warm_up_repeated_sprints_with_walk_back_and_cool_down()
    {
        var (day, index, session) = First(SessionKind.HillSprints);
        var decoded = WriteAndDecode(day, index, session, out _);
        var planned = Assert.Single(session.Exercises);

        Assert.Equal("running", Str(decoded.GetProperty("workout")[0], "sport"));
        var steps = decoded.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(planned.Sets > 1 ? 5 : 4, steps.Length);
        Assert.Equal("warmup", Str(steps[0], "intensity"));
        Assert.Equal("open", Str(steps[0], "durationType"));
        Assert.Equal("run", Str(steps[1], "exerciseCategory"));
        Assert.Equal(planned.Seconds, Int(steps[1], "durationTime"));
        Assert.Equal("recovery", Str(steps[2], "intensity"));
        Assert.Equal(HillSprintDose.RecoverySeconds, Int(steps[2], "durationTime"));
        if (planned.Sets > 1)
        {
            Assert.Equal("repeatUntilStepsCmplt", Str(steps[3], "durationType"));
            Assert.Equal(1, Int(steps[3], "durationStep"));
            Assert.Equal(planned.Sets, Int(steps[3], "repeatSteps"));
        }

        Assert.Equal("cooldown", Str(steps[^1], "intensity"));
    }

    [Fact]
    public void Hill_sprints_later_in_the_plan_repeat_as_many_sprints_as_planned()
    {
        // The first session may hold one or two sprints; a later one holds more, so the repeat count is the plan's.
        var later = GymPlan.Value.Days.SelectMany(d => d.Sessions.Select((s, i) => (d, i, s)))
            .Where(x => x.s.Kind == SessionKind.HillSprints).Last();
        var decoded = WriteAndDecode(later.d, later.i, later.s, out _);
        var repeat = decoded.GetProperty("steps").EnumerateArray().Single(s => Str(s, "durationType") == "repeatUntilStepsCmplt");
        Assert.True(later.s.Exercises[0].Sets > 2, "a later session has more than two sprints");
        Assert.Equal(later.s.Exercises[0].Sets, Int(repeat, "repeatSteps"));
    }

    [Fact]
    public void Drills_session_decodes_as_a_timed_sequence_of_the_planned_drills()
    {
        var (day, index, session) = First(SessionKind.Drills);
        var decoded = WriteAndDecode(day, index, session, out _);

        Assert.Equal("cardioTraining", Str(decoded.GetProperty("workout")[0], "subSport"));
        var steps = decoded.GetProperty("steps").EnumerateArray().ToArray();
        var drillSteps = steps.Where(s => Str(s, "intensity") == "active").ToArray();
        Assert.Equal(session.Exercises.Count, drillSteps.Length);
        for (var i = 0; i < session.Exercises.Count; i++)
        {
            var planned = session.Exercises[i];
            var exercise = BuiltInCatalogue.Find(planned.Slug)!;
            Assert.Equal(exercise.Progression.First(v => v.Slug == planned.Variant).Name, Str(drillSteps[i], "wktStepName"));
            if (planned.Seconds is { } seconds && planned.RepsMin is null)
            {
                Assert.Equal(seconds, Int(drillSteps[i], "durationTime"));
            }

            if (exercise.GarminFor(planned.Variant) is { } garmin)
            {
                Assert.Equal(Camel(garmin.Category), Str(drillSteps[i], "exerciseCategory"));
            }
            else
            {
                Assert.False(drillSteps[i].TryGetProperty("exerciseCategory", out _), $"{planned.Slug} has no Garmin exercise");
            }
        }

        var repeats = steps.Where(s => Str(s, "durationType") == "repeatUntilStepsCmplt").Select(s => Int(s, "repeatSteps"));
        Assert.Equal(session.Exercises.Where(e => e.Sets > 1).Select(e => e.Sets), repeats);
    }

    [Fact]
    public void Every_garmin_exercise_in_the_catalogue_is_one_the_fit_profile_names()
    {
        var named = BuiltInCatalogue.Exercises
            .SelectMany(e => e.Progression.Select(v => (e.Slug, v.Slug, Garmin: e.GarminFor(v.Slug))))
            .ToArray();
        foreach (var (exercise, rung, garmin) in named.Where(n => n.Garmin is not null))
        {
            var ex = Record.Exception(() => WorkoutFitWriter.Resolve(garmin!));
            Assert.True(ex is null, $"{exercise} ({rung}): {ex?.Message}");
        }

        // The exercises all have one.
        foreach (var slug in new[] { "hip-thrust", "glute-bridge", "squat", "bulgarian-split-squat", "fire-hydrant", "banded-lateral-walk", "clamshell", "side-lying-hip-abduction", "hill-sprints" })
        {
            Assert.NotNull(BuiltInCatalogue.Find(slug)!.Garmin);
        }
    }

    [Fact]
    public void A_garmin_name_the_profile_lacks_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => WorkoutFitWriter.Resolve(new GarminExercise("hip-raise", "moonwalk")));
        Assert.Contains("'moonwalk'", e.Message);
        Assert.Contains("'hip-raise'", e.Message);
    }

    private static string Camel(string kebab)
    {
        var parts = kebab.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
