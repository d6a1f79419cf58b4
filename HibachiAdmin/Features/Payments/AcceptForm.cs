namespace HibachiAdmin.Features.Payments;

/// <summary>The customer's acceptance: the quote they read and the name they typed.</summary>
public sealed class AcceptForm
{
    public string? Name { get; set; }
    public Guid QuoteId { get; set; }
}
