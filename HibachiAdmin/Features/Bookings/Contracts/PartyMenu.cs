namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What the event sheet serves: the accepted quote's guests and add-ons (its version, adults and children).</summary>
public sealed record PartyMenu(int QuoteVersion, int Adults, int Children, IReadOnlyList<PartyMenuLine> Lines);
