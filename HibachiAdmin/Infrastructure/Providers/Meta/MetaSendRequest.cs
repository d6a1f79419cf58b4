namespace HibachiAdmin.Infrastructure.Providers.Meta;

/// <param name="RecipientId">PSID (Messenger) or IGSID (Instagram).</param>
/// <param name="Tag">HUMAN_AGENT outside the 24-hour window (a person's reply within 7 days), else null (RESPONSE).</param>
/// <param name="Metadata">Echoed back by Meta on the echo webhook: lets the echo find the message it confirms.</param>
public sealed record MetaSendRequest(string RecipientId, string Text, string? Tag, string? Metadata);
