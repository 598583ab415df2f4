using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Features.Plans;

/// <summary>
/// A plan as an iCalendar (RFC 5545) document: one all-day event per session (strength, hill sprints, drills), with the
/// session's exercises, doses and reason in the description. UIDs are built from the plan name, the date and the session
/// kind, so a subscribed calendar updates an event when the plan is regenerated instead of adding a duplicate. Runs are
/// not events: the runner's week is theirs already.
/// </summary>
public static class PlanCalendar
{
    /// <summary>
    /// The plan as .ics text. DTSTAMP is midnight UTC of the plan's first day, so the same plan gives the same text;
    /// pass <paramref name="stamp"/> (from a <see cref="TimeProvider"/>) to mark a regenerated plan as newer.
    /// <paramref name="uidKey"/> names the plan inside event UIDs (default: the name as a slug); a stored plan passes
    /// a key that survives renaming and differs between plans of the same name.
    /// </summary>
    public static string ToIcs(Plan plan, string planName, DateTimeOffset? stamp = null, string? uidKey = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(planName);
        var calendar = new Calendar { ProductId = "-//RunStrong//Training plan//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", planName);

        var first = plan.Days.FirstOrDefault()?.Date ?? new DateOnly(2000, 1, 1);
        var dtStamp = (stamp ?? new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).UtcDateTime;
        var planSlug = Kebab.Slugify(uidKey ?? planName) is { Length: > 0 } slug ? slug : "plan";
        foreach (var day in plan.Days)
        {
            var seen = new Dictionary<SessionKind, int>();
            foreach (var session in day.Sessions)
            {
                var n = seen[session.Kind] = seen.GetValueOrDefault(session.Kind) + 1;
                var uid = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{day.Date:yyyyMMdd}-{Kebab.Name(session.Kind)}{(n > 1 ? $"-{n}" : "")}.{planSlug}@runstrong");
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = uid,
                    DtStamp = new CalDateTime(dtStamp, "UTC", hasTime: true),
                    Start = new CalDateTime(day.Date),
                    End = new CalDateTime(day.Date.AddDays(1)),
                    Summary = PlanText.Title(session, day),
                    Description = PlanText.Description(session),
                    Categories = [Kebab.Name(session.Kind)],
                    Transparency = "TRANSPARENT",
                });
            }
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
