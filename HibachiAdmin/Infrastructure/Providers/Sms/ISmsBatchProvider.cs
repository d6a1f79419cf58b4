using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Infrastructure.Providers.Sms;

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

    /// <summary>The same judgement from a list of the account's numbers already read (e.g. the cached list).</summary>
    string? SenderProblem(IReadOnlyList<ProviderPhoneNumber> numbers);
}
