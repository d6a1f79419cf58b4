namespace HibachiAdmin.Features.Payments;

/// <summary>
/// One version of a booking's quote, frozen when sent: a changed quote is a new version and the earlier ones stay
/// readable. Acceptance keeps its evidence (the name typed, when, the network it came from, the browser).
/// </summary>
public sealed class Quote
{
    public const int MaxTerms = 2000;

    public Guid Id { get; set; }
    public Guid BookingId { get; set; }
    public int Version { get; set; }
    public int Adults { get; set; }
    public int Children { get; set; }
    /// <summary>The lines as sent (JSON array of <see cref="QuoteLine"/>).</summary>
    public string LinesJson { get; set; } = "[]";
    public decimal Subtotal { get; set; }
    public decimal Travel { get; set; }
    public decimal Gratuity { get; set; }
    public decimal Tax { get; set; }
    public decimal Total { get; set; }
    public decimal Deposit { get; set; }
    public DateOnly BalanceDueDate { get; set; }
    public string? Terms { get; set; }
    public DateTime SentAt { get; set; }
    public string SentBy { get; set; } = "";
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedName { get; set; }
    public string? AcceptedNetwork { get; set; }
    public string? AcceptedUserAgent { get; set; }
}
