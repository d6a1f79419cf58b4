namespace HibachiAdmin.Features.Payments;

/// <summary>
/// A travel-fee zone from the business's base (Admin > Pricing): the ZIP codes or ZIP prefixes it covers and its
/// fee (0 = inside the free radius). The longest matching entry of all zones wins.
/// </summary>
public sealed class TravelZone
{
    public const int MaxName = 100;
    public const int MaxZips = 2000;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>ZIP codes and prefixes separated by commas or spaces ("100, 10301, 112").</summary>
    public string Zips { get; set; } = "";
    public decimal Fee { get; set; }
}
