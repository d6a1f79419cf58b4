using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Infrastructure.Providers.Sms;

/// <summary>One text of a marketing batch: our message id, the E.164 number and that person's own text.</summary>
public sealed record BatchText(Guid MessageId, string To, string Text);

/// <summary>A provider's answer for one text of a batch: accepted with where to find it, or rejected with the provider's reason.</summary>
/// <param name="ProviderMessageId">The provider's id, or a key that finds it later (High Volume answers a batch id, not per-text ids).</param>
/// <param name="BatchId">The provider's batch the text went out in.</param>
public sealed record BatchTextResult(bool Accepted, string? ProviderMessageId, string? BatchId, string? Error);

/// <summary>
/// A provider with a channel for marketing batches (RingCentral High Volume SMS): many recipients per request, each
/// with their own text. Conversation replies and transactional texts keep <see cref="ISmsProvider.SendAsync"/>.
/// </summary>
public interface ISmsBatchProvider
{
    /// <summary>Most texts one request carries.</summary>
    int MaxBatchSize { get; }

    /// <returns>One result per text, in order.</returns>
    Task<IReadOnlyList<BatchTextResult>> SendBatchAsync(IReadOnlyList<BatchText> texts, CancellationToken ct);

    /// <summary>Why campaigns cannot go out now (the sending number and what it lacks), or null when they can.</summary>
    Task<string?> CheckBatchSenderAsync(CancellationToken ct);
}
