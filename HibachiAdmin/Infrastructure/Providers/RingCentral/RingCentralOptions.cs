namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>RingCentral:* settings (README, Configuration).</summary>
public sealed class RingCentralOptions
{
    public string ServerUrl { get; set; } = "https://platform.ringcentral.com";
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? Jwt { get; set; }
    public string? FromNumber { get; set; }
    /// <summary>The High Volume (A2P) number campaigns go out from; unset: <see cref="FromNumber"/>.</summary>
    public string? CampaignFromNumber { get; set; }
    public string? VerificationToken { get; set; }
    /// <summary>Host that serves recording content (https://developers.ringcentral.com/guide/voice/call-log/recordings).</summary>
    public string MediaUrl { get; set; } = "https://media.ringcentral.com";

    public bool IsConfigured => !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret) && !string.IsNullOrEmpty(Jwt);
}
