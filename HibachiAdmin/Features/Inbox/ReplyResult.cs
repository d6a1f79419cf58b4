namespace HibachiAdmin.Features.Inbox;

/// <param name="Reason">Stable word when not sent: notFound, optedOut, noConsent, outsideWindow, providerError, …</param>
/// <param name="Detail">What to tell the person (the provider's own words for provider errors).</param>
public sealed record ReplyResult(bool Sent, string? Reason = null, string? Detail = null, Guid? MessageId = null);
