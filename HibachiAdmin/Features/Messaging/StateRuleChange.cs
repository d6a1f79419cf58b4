namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// One Admin change to a state's hours (Admin &gt; Compliance): a tightening, or its removal (back to the law), with
/// who made it and why. Rows are only added; a state's newest row is what is in force. Minutes since local midnight;
/// a day with neither start nor end allows no marketing texts.
/// </summary>
public sealed class StateRuleChange
{
    public const int MaxWhy = 500;
    public const int MaxBy = 256;

    public long Id { get; set; }
    public string State { get; set; } = "";
    public int? WeekdayStart { get; set; }
    public int? WeekdayEnd { get; set; }
    public int? SaturdayStart { get; set; }
    public int? SaturdayEnd { get; set; }
    public int? SundayStart { get; set; }
    public int? SundayEnd { get; set; }
    /// <summary>The tightening was lifted: the law alone applies again.</summary>
    public bool Removed { get; set; }
    public string By { get; set; } = "";
    public string Why { get; set; } = "";
    public DateTime At { get; set; }
}
