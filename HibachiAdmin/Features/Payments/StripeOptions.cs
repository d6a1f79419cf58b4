namespace HibachiAdmin.Features.Payments;

/// <summary>The <c>Stripe</c> section (CONTRACT.md): API key and the endpoint secret webhooks are signed with.</summary>
public sealed class StripeOptions
{
    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Stripe's API address (tests point it at a loopback fake).</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";
}
