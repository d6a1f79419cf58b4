namespace HibachiAdmin.Features.Payments;

/// <summary>A priced extra from the catalogue (Admin > Pricing): per guest (extra protein) or per item (a noodle tray).</summary>
public sealed class AddOn
{
    public const int MaxName = 100;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>US dollars, whole cents.</summary>
    public decimal Price { get; set; }
    public bool PerGuest { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
}
