using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>The account's numbers and their features, for Admin > Integrations and the campaign sender check.</summary>
public sealed partial class RingCentralSmsProvider : IPhoneNumberSource
{
    private RingCentralOptions RcOptions => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RingCentralOptions>>().Value;

    public string? ConversationNumber => RcOptions.FromNumber;

    public string? CampaignNumber => RcOptions.CampaignFromNumber is { Length: > 0 } n ? n : RcOptions.FromNumber;

    public string? CampaignFeature => A2pFeature;

    public Task<IReadOnlyList<ProviderPhoneNumber>> GetPhoneNumbersAsync(CancellationToken ct) =>
        services.GetRequiredService<RingCentralClient>().GetPhoneNumbersAsync(ct);
}
