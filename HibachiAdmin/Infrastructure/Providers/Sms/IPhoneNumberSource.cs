namespace HibachiAdmin.Infrastructure.Providers.Sms;

/// <summary>
/// The provider's numbers and their features, and which of them this app texts from. Both SMS providers answer it: the
/// sandbox with its one simulated number, RingCentral from the account's phone-number list.
/// </summary>
public interface IPhoneNumberSource
{
    /// <summary>The number conversation replies and transactional texts go from (null: not configured).</summary>
    string? ConversationNumber { get; }

    /// <summary>The number campaigns go from (null: not configured).</summary>
    string? CampaignNumber { get; }

    /// <summary>The feature the campaign number needs (RingCentral: <c>A2PSmsSender</c>); null when campaigns need none.</summary>
    string? CampaignFeature { get; }

    /// <summary>Every number of the account with its features (one provider request).</summary>
    Task<IReadOnlyList<ProviderPhoneNumber>> GetPhoneNumbersAsync(CancellationToken ct);
}
