using System.Globalization;

namespace RunStrong.Web.Pages.Activities;

/// <summary>How the activity pages print distances, durations, paces and dates.</summary>
public static class Show
{
    public static string Km(double meters) => (meters / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " km";

    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return "–";
        }

        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
    }

    public static string Pace(double? secondsPerKm) =>
        secondsPerKm is { } p && double.IsFinite(p) && p > 0 ? Duration(p) + " /km" : "–";

    /// <summary>The day only ("Tue 22 Nov 2011"), for activities whose file has no times.</summary>
    public static string Day(DateTime utc) => utc.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTime utc) => utc.ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(double? value, string format = "0") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Sport(string sport, string? subSport)
    {
        var name = sport.Replace('-', ' ');
        name = char.ToUpperInvariant(name[0]) + name[1..];
        return subSport is { Length: > 0 } sub ? $"{name} ({sub.Replace('-', ' ')})" : name;
    }

    public static string Title(string? name, string sport, DateTime start) =>
        name is { Length: > 0 } ? name : $"{Sport(sport, null)} on {start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    public static string EffortName(double meters) => meters switch
    {
        > 1609 and < 1610 => "1 mile",
        21097.5 => "Half marathon",
        42195 => "Marathon",
        < 1000 => $"{meters:0} m",
        _ => (meters / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " km",
    };
}
