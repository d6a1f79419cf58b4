namespace HibachiAdmin.Features.Payments;

/// <summary>One line of a quote as the customer reads it (dollars, whole cents).</summary>
public sealed record QuoteLine(string Label, int Quantity, decimal Unit, decimal Amount, QuoteLineKind Kind);
