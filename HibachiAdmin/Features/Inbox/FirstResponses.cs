namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// The one first-response calculation, used by Home (<see cref="InboxStatistics.GetPulseAsync"/>) and by Social analytics
/// (<see cref="InboxStatistics.StatsAsync"/>), so the two never disagree. A customer turn starts with their first message
/// after a person's last reply and ends with the next reply a person wrote. Automated replies (auto-answers, the
/// opt-in and HELP texts, the missed-call text-back) do not end it: a customer waiting for a person is still waiting
/// after an auto-reply, and counting it would make the business look faster than it is.
/// </summary>
public static class FirstResponses
{
    /// <summary>Every turn in the messages (in any order; grouped by thread and taken in time order).</summary>
    public static IReadOnlyList<CustomerTurn> Turns(IEnumerable<TurnMessage> messages)
    {
        var turns = new List<CustomerTurn>();
        foreach (var thread in messages.GroupBy(m => m.ThreadId))
        {
            DateTime? since = null;
            foreach (var m in thread.OrderBy(m => m.At).ThenBy(m => m.FromCustomer ? 0 : 1))
            {
                if (m.FromCustomer)
                {
                    since ??= m.At;
                }
                else if (!m.Automated && since is { } started)
                {
                    turns.Add(new CustomerTurn(thread.Key, started, m.At));
                    since = null;
                }
            }
            if (since is { } open)
            {
                turns.Add(new CustomerTurn(thread.Key, open, null));
            }
        }
        return turns;
    }

    /// <summary>The median wait of the answered turns that started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), how many started and how many were answered.</summary>
    public static (TimeSpan? Median, int Turns, int Answered) In(IReadOnlyList<CustomerTurn> turns, DateTime fromUtc, DateTime toUtc)
    {
        var started = turns.Where(t => t.StartedAt >= fromUtc && t.StartedAt < toUtc).ToList();
        var waits = started.Where(t => t.Wait is not null).Select(t => t.Wait!.Value).Order().ToList();
        TimeSpan? median = waits.Count == 0 ? null
            : waits.Count % 2 == 1 ? waits[waits.Count / 2] : (waits[waits.Count / 2 - 1] + waits[waits.Count / 2]) / 2;
        return (median, started.Count, waits.Count);
    }
}
