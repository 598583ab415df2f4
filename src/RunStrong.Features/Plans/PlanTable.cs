using System.Globalization;
using System.Text;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Features.Plans;

/// <summary>
/// A plan as plain ASCII text for an 80-column terminal: a heading per week, a line per day (date, run, sessions; long
/// lines wrap under the session column), then the warnings. Runs show their target first (<c>run: 30-45 min; easy ...</c>);
/// doses are short: <c>glute-bridge 3x12-20 @7</c> (@ = RPE), <c>hip-thrust 3x8-12 @7 40kg</c> with a load.
/// </summary>
public static class PlanTable
{
    /// <summary>Widest line <see cref="Render"/> writes.</summary>
    public const int Width = 80;

    private const int DateWidth = 10;
    private const int RunWidth = 8;
    private static readonly int Indent = 2 + DateWidth + 2 + RunWidth + 2;

    /// <summary>
    /// The table; with <paramref name="follow"/> (a saved plan), each run and session ends with how it stands in brackets
    /// (<c>[done]</c>, <c>[moved: done Sun]</c>, <c>[missed: offered Sun]</c>) and a missed strength session offered later in
    /// its week shows on that day (docs/decisions/0027). Loads in <paramref name="unit"/> when given (a saved plan read in
    /// the runner's current unit, docs/decisions/0037), else as the plan has them.
    /// </summary>
    public static string Render(Plan plan, PlanFollow? follow = null, Domain.Training.MassUnit? unit = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        foreach (var week in plan.Weeks)
        {
            var first = week.Days[0].Date;
            var last = week.Days[^1].Date;
            var label = Kebab.Name(week.Phase) + (week.Deload ? ", deload" : "");
            text.Append(CultureInfo.InvariantCulture, $"Week {week.Index} ({label})  {Day(first, "d MMM")} - {Day(last, "d MMM yyyy")}").Append('\n');
            foreach (var day in week.Days)
            {
                var run = day.Run is null ? "rest" : Kebab.Name(day.Run.Type);
                var head = $"  {Day(day.Date, "ddd dd MMM"),-DateWidth}  {run,-RunWidth}  ";
                var sessions = day.Sessions.Select((s, i) => Describe(s, unit) + Tag(follow?.Session(Domain.Planning.PlanFollowing.KeyOf(day.Date, i)))).ToList();
                if (PlanText.Target(day.Run, ascii: true) is { } target)
                {
                    // The runner's own run first, as they will do it: a target, not a change to their week.
                    sessions.Insert(0, "run: " + target + Tag(follow?.RunOn(day.Date)));
                }

                foreach (var offered in follow?.OfferedOn(day.Date) ?? [])
                {
                    sessions.Add($"strength: {Day(offered.Date, "dddd")}'s session, moved here (missed {Day(offered.Date, "dddd")}) [offered]");
                }

                if (sessions.Count == 0)
                {
                    text.Append(head.TrimEnd()).Append('\n');
                    continue;
                }

                for (var i = 0; i < sessions.Count; i++)
                {
                    Wrap(text, i == 0 ? head : new string(' ', Indent), sessions[i], Indent);
                }
            }

            text.Append('\n');
        }

        if (plan.Warnings.Count > 0)
        {
            text.Append("Warnings:\n");
            foreach (var warning in plan.Warnings)
            {
                Wrap(text, "- ", warning, 2);
            }
        }

        return text.ToString();
    }

    private static string Tag(FollowedSession? session) => session switch
    {
        null or { Status: FollowStatus.Planned } => "",
        { Status: FollowStatus.Moved, DoneOn: { } on } => $" [moved: done {Day(on, "ddd")}]",
        { Status: FollowStatus.Missed, Offer: { Date: { } on } } => $" [missed: offered {Day(on, "ddd")}]",
        { Status: FollowStatus.Missed, Offer: not null } => " [missed: no legal day left this week - skip it]",
        { Detected: true } => $" [done: {session.Sprints!.Reps} detected in your run]",
        _ => $" [{Kebab.Name(session.Status)}]",
    };

    private static string Tag(FollowedRun? run) => run switch
    {
        null or { Status: FollowStatus.Planned } => "",
        { Status: FollowStatus.Moved, DoneOn: { } on } => $" [moved: run {Day(on, "ddd")}]",
        _ => $" [{Kebab.Name(run.Status)}]",
    };

    private static string Day(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);

    private static string Describe(PlanSession session, Domain.Training.MassUnit? unit) => session.Kind switch
    {
        SessionKind.Strength => "strength: " + string.Join("; ", session.Exercises.Select(e => $"{e.Slug}{Variant(e)} {Short(e, unit)}")),
        SessionKind.HillSprints => "hill sprints: " + string.Join("; ", session.Exercises.Select(e => Short(e, unit))),
        _ => "drills: " + string.Join(", ", session.Exercises.Select(e => e.Slug)),
    };

    /// <summary>" (barbell)": the rung of the ladder, left out for bodyweight (the first rung, named by the exercise alone).</summary>
    private static string Variant(PlannedExercise e) =>
        e.Variant is { Length: > 0 } v && v != "bodyweight" && v != e.Slug ? $" ({v})" : "";

    private static string Short(PlannedExercise e, Domain.Training.MassUnit? unit)
    {
        var amount = e.RepsMin is { } lo
            ? (e.RepsMax is { } hi && hi != lo ? $"{lo}-{hi}" : $"{lo}")
            : e.Seconds is { } s ? $"{s}s" : "1";
        return $"{e.Sets}x{amount}" + (e.Rpe is { } rpe ? $" @{rpe}" : "") + (unit is null ? e.Load is { } load ? $" {load}" : "" : PlanText.Load(e, unit) is { } shown ? $" {shown.Replace(" ", "", StringComparison.Ordinal)}" : "");
    }

    /// <summary>Writes <paramref name="body"/> after <paramref name="head"/>, wrapping at <see cref="Width"/> with a hanging indent.</summary>
    private static void Wrap(StringBuilder text, string head, string body, int indent)
    {
        var line = new StringBuilder(head);
        var atStart = true;
        foreach (var word in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = word;
            while (true)
            {
                var needed = (atStart ? 0 : 1) + piece.Length;
                if (line.Length + needed <= Width)
                {
                    line.Append(atStart ? "" : " ").Append(piece);
                    atStart = false;
                    break;
                }

                if (atStart)
                {
                    // A word longer than the whole column: cut it.
                    var room = Width - line.Length;
                    line.Append(piece[..room]);
                    piece = piece[room..];
                }

                text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(' ', indent);
                atStart = true;
            }
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
