using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Infrastructure.Providers.Sms;

/// <summary>A provider's answer for one text of a batch: accepted with where to find it, or rejected with the provider's reason.</summary>
/// <param name="ProviderMessageId">The provider's id, or a key that finds it later (High Volume answers a batch id, not per-text ids).</param>
/// <param name="BatchId">The provider's batch the text went out in.</param>
public sealed record BatchTextResult(bool Accepted, string? ProviderMessageId, string? BatchId, string? Error);
