namespace HibachiAdmin.Features.Payments.Contracts;

/// <summary>Money actually collected online (payments net of refunds), for Home and other owners' views.</summary>
public interface IPaymentsLedger
{
    /// <summary>Payments paid between two instants, less what was refunded on them, in dollars.</summary>
    Task<decimal> CollectedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
