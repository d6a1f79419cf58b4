namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// One number of the SMS provider's account with its features, as last read from the provider's phone-number list
/// (cached: Admin > Integrations shows it without a provider call; <see cref="PhoneNumberRefreshJob"/> and the page's
/// Refresh button read it again).
/// </summary>
public sealed class ProviderNumber
{
    /// <summary>E.164, as the provider spells it.</summary>
    public string Number { get; set; } = "";
    public string? ExternalId { get; set; }
    /// <summary>The provider's word for what the number is (RingCentral <c>usageType</c>: DirectNumber, MainCompanyNumber, …).</summary>
    public string? UsageType { get; set; }
    /// <summary>The provider's feature names, comma-separated (<c>SmsSender,A2PSmsSender,CallerId</c>).</summary>
    public string Features { get; set; } = "";
    public DateTime RefreshedAt { get; set; }

    public IReadOnlyList<string> FeatureList => Features.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
