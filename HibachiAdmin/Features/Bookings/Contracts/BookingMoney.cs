namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>A booking's party facts and money as the customer's page and the pay links need them (dollars).</summary>
public sealed record BookingMoney(
    Guid Id, Guid ContactId, Guid? LeadId, BookingStatus Status, DateOnly EventDate, TimeOnly? EventTime, int GuestCount, decimal PricePerPerson,
    string? Address, string? Zip, string? Package, decimal Total, decimal DepositDue, decimal AmountPaid, DateOnly? BalanceDueDate,
    Guid? QuoteId, int? QuoteVersion, DateTime? QuoteAcceptedAt, bool Disputed, IReadOnlyList<BookingPaymentView> Payments)
{
    public decimal AmountDue => Status == BookingStatus.Cancelled ? 0 : Math.Max(0, Total - AmountPaid);
}
