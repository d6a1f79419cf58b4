using System.Text.Json.Serialization;
using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The booking list read model: a projection of the event store, rebuildable by replay.</summary>
public sealed class BookingRow
{
    public const int MaxAddress = 300;
    public const int MaxZip = 10;
    public const int MaxPackage = 100;
    public const int MaxNotes = 4000;
    public const int MaxCancelReason = 500;

    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public Guid? LeadId { get; set; }
    public DateOnly EventDate { get; set; }
    public TimeOnly? EventTime { get; set; }
    public int GuestCount { get; set; }
    public decimal PricePerPerson { get; set; }
    public decimal Total { get; set; }
    public decimal DepositPaid { get; set; }
    public BookingStatus Status { get; set; }
    public string? Address { get; set; }
    public string? Zip { get; set; }
    public string? Package { get; set; }
    public string? Notes { get; set; }
    public string? CancelReason { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The deposit the latest quote asks for (0 before a quote).</summary>
    public decimal DepositDue { get; set; }
    public DateOnly? BalanceDueDate { get; set; }
    public Guid? QuoteId { get; set; }
    public int? QuoteVersion { get; set; }
    public DateTime? QuoteAcceptedAt { get; set; }
    /// <summary>Paid online (Stripe), net of refunds.</summary>
    public decimal PaidOnline { get; set; }
    public decimal Refunded { get; set; }
    public bool Disputed { get; set; }
    public DateTime? PaidInFullAt { get; set; }

    /// <summary>Money kept: deposits recorded by hand plus online payments net of refunds.</summary>
    public decimal AmountPaid => DepositPaid + PaidOnline;

    /// <summary>What the customer still owes (nothing on a cancelled booking).</summary>
    public decimal AmountDue => Status == BookingStatus.Cancelled ? 0 : Math.Max(0, Total - AmountPaid);

    /// <summary>What the booking page offers to record as a deposit: what is left of the quote's deposit; without a
    /// quote, the usual <see cref="UsualDeposit"/> until any money is in. Never more than is due; zero when nothing is owed as a deposit.</summary>
    [JsonIgnore]
    public decimal SuggestedDeposit => Math.Min(AmountDue, DepositDue > 0 ? Math.Max(0, DepositDue - AmountPaid) : AmountPaid > 0 ? 0 : UsualDeposit);

    /// <summary>The deposit a booking without a quote usually takes.</summary>
    public const decimal UsualDeposit = 200m;

    [JsonIgnore]
    public List<BookingPayment> PaymentRows { get; set; } = [];

    [JsonIgnore]
    public List<BookingChef> ChefRows { get; set; } = [];

    /// <summary>The chefs assigned to the party, in the order they were assigned.</summary>
    public IReadOnlyList<Guid> ChefIds => ChefRows.OrderBy(c => c.AssignedAt).ThenBy(c => c.ChefName, StringComparer.Ordinal).Select(c => c.ChefId).ToList();

    /// <summary>The payments, once there are any (absent before).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BookingPaymentView>? Payments => PaymentRows.Count == 0 ? null
        : PaymentRows.OrderBy(p => p.PaidAt).Select(p => new BookingPaymentView(p.Installment, p.Amount, p.Status, p.PaidAt, p.Refunded)).ToList();
}
