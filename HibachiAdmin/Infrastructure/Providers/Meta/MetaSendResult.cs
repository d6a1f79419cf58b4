namespace HibachiAdmin.Infrastructure.Providers.Meta;

/// <param name="Error">The provider's words when refused (shown to staff as is).</param>
/// <param name="OutsideWindow">Meta said the message is outside the allowed window (error code 10).</param>
public sealed record MetaSendResult(bool Accepted, string? MessageId, string? Error, int? ErrorCode = null, bool OutsideWindow = false);
