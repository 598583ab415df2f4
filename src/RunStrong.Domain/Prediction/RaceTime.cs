using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Prediction;

/// <summary>A finishing time in seconds, more than 0. Parse what a runner typed with <see cref="TryParse"/> ("41:42", "1:32:00").</summary>
public readonly record struct RaceTime : IComparable<RaceTime>
{
    private RaceTime(double totalSeconds) => TotalSeconds = totalSeconds;

    /// <summary>Seconds, more than 0.</summary>
    public double TotalSeconds { get; }

    public double TotalMinutes => TotalSeconds / 60;

    public static RaceTime FromSeconds(double seconds) => new(Guard.Positive(seconds, "time in seconds"));

    public static RaceTime FromMinutes(double minutes) => FromSeconds(minutes * 60);

    public static RaceTime FromTimeSpan(TimeSpan time) => FromSeconds(time.TotalSeconds);

    /// <summary>A time from hours, minutes and seconds.</summary>
    public static RaceTime FromHoursMinutesSeconds(int hours, int minutes, double seconds) =>
        FromSeconds((hours * 3600) + (minutes * 60) + seconds);

    public TimeSpan ToTimeSpan() => TimeSpan.FromSeconds(TotalSeconds);

    /// <summary>The time rounded to the nearest multiple of <paramref name="step"/> (5 s, 30 s, 1 min), never below one step.</summary>
    public RaceTime RoundTo(TimeSpan step)
    {
        var stepSeconds = Guard.Positive(step, "rounding step").TotalSeconds;
        return new RaceTime(Math.Max(stepSeconds, Math.Round(TotalSeconds / stepSeconds, MidpointRounding.AwayFromZero) * stepSeconds));
    }

    /// <summary>"41:42" under an hour, "1:32:00" from an hour, to the nearest second.</summary>
    public override string ToString()
    {
        var whole = (long)Math.Round(TotalSeconds, MidpointRounding.AwayFromZero);
        var hours = whole / 3600;
        var minutes = whole % 3600 / 60;
        var seconds = whole % 60;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:00}:{seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}:{seconds:00}");
    }

    public int CompareTo(RaceTime other) => TotalSeconds.CompareTo(other.TotalSeconds);

    public static bool operator <(RaceTime left, RaceTime right) => left.TotalSeconds < right.TotalSeconds;

    public static bool operator >(RaceTime left, RaceTime right) => left.TotalSeconds > right.TotalSeconds;

    public static bool operator <=(RaceTime left, RaceTime right) => left.TotalSeconds <= right.TotalSeconds;

    public static bool operator >=(RaceTime left, RaceTime right) => left.TotalSeconds >= right.TotalSeconds;

    /// <summary>
    /// Reads "[h:]mm:ss": <c>41:42</c>, <c>1:32:00</c>, <c>3:11:49</c>, <c>4:05.3</c> (tenths allowed). Seconds must be under 60,
    /// and so must minutes when hours are given; without hours minutes may run on (<c>95:00</c>). Zero is rejected.
    /// </summary>
    /// <param name="error">Why the text is not a time, in words to show the person; null on success.</param>
    public static bool TryParse(string? text, out RaceTime time, [NotNullWhen(false)] out string? error)
    {
        time = default;
        const string Forms = "write mm:ss or h:mm:ss, such as 41:42 or 1:32:00";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "enter a time: " + Forms;
            return false;
        }

        var parts = text.Trim().Split(':');
        if (parts.Length is < 2 or > 3
            || !parts[..^1].All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            || !double.TryParse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || parts[^1].Length < 2)
        {
            error = $"'{text.Trim()}' is not a time: {Forms}";
            return false;
        }

        var numbers = parts[..^1].Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var hours = numbers.Length == 2 ? numbers[0] : 0;
        var minutes = numbers[^1];
        if (seconds >= 60 || (numbers.Length == 2 && minutes >= 60))
        {
            error = $"'{text.Trim()}' is not a time: minutes and seconds go up to 59 ({Forms})";
            return false;
        }

        var total = (hours * 3600) + (minutes * 60) + seconds;
        if (total <= 0)
        {
            error = $"'{text.Trim()}' is no time at all: a time must be more than 0:00";
            return false;
        }

        time = new RaceTime(total);
        error = null;
        return true;
    }

    /// <summary>As <see cref="TryParse"/>, throwing <see cref="FormatException"/> with the same message.</summary>
    public static RaceTime Parse(string text) => TryParse(text, out var t, out var error) ? t : throw new FormatException(error);
}
