namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// One state's texting-hours rule as shipped (<c>Features/Messaging/state-texting-rules.json</c>): a window per
/// weekday, Saturday and Sunday (null: no marketing texts that day), holidays closed all day, whether it reaches
/// texts, when it took effect, and where it comes from.
/// </summary>
/// <param name="AlsoAtUtcOffset">The window holds at this fixed offset too (Mississippi states its hours in Central Standard Time).</param>
/// <param name="EffectiveFrom">The first local date the rule applies; null when long-standing.</param>
/// <param name="Review">Where our table departs from, or how it reads, the research.</param>
public sealed record StateRule(string State, string Name, DayWindow? Weekday, DayWindow? Saturday, DayWindow? Sunday, IReadOnlyList<Holiday> Holidays,
    RuleReach Reach, TimeSpan? AlsoAtUtcOffset, string Citation, string Effective, DateOnly? EffectiveFrom, IReadOnlyList<string> Sources,
    string Confidence, string? Notes, string? Review)
{
    public DayWindow? WindowOn(DayOfWeek day) => day switch
    {
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => Weekday,
    };

    /// <summary>The same window every day of the week.</summary>
    public bool SameEveryDay => Weekday == Saturday && Saturday == Sunday;
}
