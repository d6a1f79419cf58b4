namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// An Admin's stricter hours for one state, in force on top of the law (the engine applies both, so it can
/// only ever hold more). A null day: no marketing texts that day.
/// </summary>
public sealed record StateRuleTightening(string State, DayWindow? Weekday, DayWindow? Saturday, DayWindow? Sunday, string By, string Why, DateTime At)
{
    public DayWindow? WindowOn(DayOfWeek day) => day switch
    {
        DayOfWeek.Saturday => Saturday,
        DayOfWeek.Sunday => Sunday,
        _ => Weekday,
    };
}
