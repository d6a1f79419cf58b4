namespace HibachiAdmin.Features.Payments;

/// <summary>A generated value the app keeps (the sandbox's webhook secret when <c>Stripe:WebhookSecret</c> is unset).</summary>
public sealed class PaymentSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
