namespace HibachiAdmin.Features.Payments;

/// <summary>
/// The customer's link <c>/p/{token}</c>: 128 random bits, only their SHA-256 stored, expiring and revocable. It
/// opens the booking's current quote and what is due; each pay click makes a fresh checkout.
/// </summary>
public sealed class PayLink
{
    public Guid Id { get; set; }
    public Guid BookingId { get; set; }
    /// <summary>Lowercase hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>deposit, balance, or null for a quote link.</summary>
    public string? Installment { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
