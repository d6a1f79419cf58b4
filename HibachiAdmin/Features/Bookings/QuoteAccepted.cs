namespace HibachiAdmin.Features.Bookings;

/// <summary>The customer accepted this quote version on their page (who they said they were; the evidence is kept with the quote).</summary>
public sealed record QuoteAccepted(Guid QuoteId, int QuoteVersion, string AcceptedBy);
