namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Holidays on which a state's rule allows no marketing texts; dates from <see cref="HolidayCalendar"/>.</summary>
public enum Holiday
{
    NewYearsDay,
    MartinLutherKingJrDay,
    WashingtonsBirthday,
    MardiGras,
    GoodFriday,
    ConfederateMemorialDay,
    RhodeIslandIndependenceDay,
    MemorialDay,
    JeffersonDavisBirthday,
    FlagDay,
    Juneteenth,
    IndependenceDay,
    PioneerDay,
    VictoryDay,
    LaborDay,
    ColumbusDay,
    /// <summary>The Tuesday after the first Monday of November, every year.</summary>
    ElectionDay,
    /// <summary>The Tuesday after the first Monday of November in even (general election) years.</summary>
    GeneralElectionDay,
    VeteransDay,
    Thanksgiving,
    ChristmasDay,
}
