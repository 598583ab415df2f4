using RunStrong.ActivityFiles.Fit;
using RunStrong.Domain.Activities;

namespace RunStrong.ActivityFiles.Tests.Fit;

/// <summary>
/// Bounded fuzzing: real fixture bytes mutated (bit flips, truncation, insertion, deletion, overwritten runs,
/// duplicated chunks) with a seeded random source, so any failure reproduces. The reader must never throw and must
/// always give either an activity or an error that names the file.
/// </summary>
public sealed class FitReaderFuzzTests
{
    private static readonly string[] Seeds =
    [
        "dtcooper__python-fitparse__tests__files__Activity.fit",
        "dtcooper__python-fitparse__tests__files__compressed-speed-distance.fit",
        "dtcooper__python-fitparse__tests__files__DeveloperData.fit",
        "dtcooper__python-fitparse__tests__files__activity-settings.fit",
        "dtcooper__python-fitparse__tests__files__garmin-fenix-5-run.fit",
        "muktihari__fit__testdata__from_official_sdk__activity_multisport.fit",
        "sports-alliance__sports-lib__src__specs__fixtures__swim__fit__6021532030.fit",
        "tormoder__fit__testdata__misc__unterminated-strings.fit",
        "jimmykane__fit-parser__examples__failed.fit",
        "dtcooper__python-fitparse__tests__files__sample_mulitple_header.fit",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MutatedFixtures_NeverThrow_AndGiveAWellFormedResult(int seed)
    {
        var random = new Random(seed);
        var originals = Seeds.Select(FitReaderFixtureTests.Load).ToArray();
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var original = originals[random.Next(originals.Length)];
            var mutated = Mutate(original, random);
            var name = $"fuzz-{seed}-{iteration}.fit";

            var result = FitReader.Read(mutated, name);

            AssertWellFormed(result, name, mutated.Length);
        }
    }

    [Fact]
    public void RandomBytesAfterAValidHeader_NeverThrow()
    {
        var random = new Random(99);
        var header = FitReaderFixtureTests.Load("dtcooper__python-fitparse__tests__files__Activity.fit")[..14];
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var body = new byte[random.Next(0, 2000)];
            random.NextBytes(body);
            byte[] data = [.. header, .. body];
            var name = $"random-{iteration}.fit";

            AssertWellFormed(FitReader.Read(data, name), name, data.Length);
        }
    }

    private static void AssertWellFormed(FitReadResult result, string name, int length)
    {
        Assert.True(result.Activity is null != (result.Error is null), $"{name}: exactly one of activity and error");
        Assert.All(result.Warnings, w => Assert.StartsWith(name + ": ", w, StringComparison.Ordinal));
        if (result.Error is not null)
        {
            Assert.StartsWith(name + ": ", result.Error, StringComparison.Ordinal);
            return;
        }

        var activity = result.Activity!;
        Assert.Equal(ActivityFormat.Fit, activity.Format);
        Assert.Equal(result.Warnings, activity.Warnings);

        // Every record costs at least its one header byte: nothing is allocated beyond what the data can hold.
        Assert.InRange(activity.Records.Count, 0, length);
        Assert.All(activity.Records, r => Assert.Equal(DateTimeKind.Utc, r.Time.Kind));
        Assert.Equal(DateTimeKind.Utc, activity.StartTime.Kind);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var data = new List<byte>(original);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && data.Count > 0; m++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0: // flip a bit
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // truncate
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 2: // insert random bytes
                    var inserted = new byte[random.Next(1, 16)];
                    random.NextBytes(inserted);
                    data.InsertRange(at, inserted);
                    break;
                case 3: // delete a run
                    data.RemoveRange(at, Math.Min(random.Next(1, 32), data.Count - at));
                    break;
                case 4: // overwrite with an extreme value (invalid markers, huge sizes)
                    data[at] = random.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => 0x7F };
                    break;
                case 5: // duplicate a chunk
                    var chunk = data.GetRange(at, Math.Min(random.Next(1, 64), data.Count - at));
                    data.InsertRange(random.Next(data.Count), chunk);
                    break;
                default: // damage a definition-like header byte: set the definition or developer bit
                    data[at] |= (byte)(random.Next(2) == 0 ? 0x40 : 0x60);
                    break;
            }
        }

        return [.. data];
    }
}
