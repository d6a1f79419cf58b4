namespace HibachiAdmin.Infrastructure.Providers.Meta;

/// <summary>Meta:* settings (README, Configuration). Without a Page access token replies go to the sandbox.</summary>
public sealed class MetaOptions
{
    public string? AppSecret { get; set; }
    public string? VerifyToken { get; set; }
    public string? PageAccessToken { get; set; }
    public string GraphUrl { get; set; } = "https://graph.facebook.com/v21.0";
    /// <summary>Sandbox (default) or Graph; Graph is chosen automatically when a Page access token is set.</summary>
    public string? Provider { get; set; }

    public bool WebhooksConfigured => !string.IsNullOrEmpty(AppSecret) && !string.IsNullOrEmpty(VerifyToken);

    public bool UsesGraph => string.Equals(Provider, "Graph", StringComparison.OrdinalIgnoreCase)
        || (Provider is null && !string.IsNullOrEmpty(PageAccessToken));
}
