namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>Google:* settings (README, Configuration). Without them reviews come from the sandbox/demo source.</summary>
public sealed class GoogleOptions
{
    /// <summary>accounts/{accountId}</summary>
    public string? AccountId { get; set; }
    /// <summary>locations/{locationId}</summary>
    public string? LocationId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? RefreshToken { get; set; }
    public string ApiUrl { get; set; } = "https://mybusiness.googleapis.com/v4";
    public string TokenUrl { get; set; } = "https://oauth2.googleapis.com/token";
    public int PageSize { get; set; } = 50;

    public bool IsConfigured => !string.IsNullOrEmpty(AccountId) && !string.IsNullOrEmpty(LocationId)
        && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret) && !string.IsNullOrEmpty(RefreshToken);
}
