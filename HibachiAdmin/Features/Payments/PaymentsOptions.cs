namespace HibachiAdmin.Features.Payments;

/// <summary>The <c>Payments</c> section: the payment provider and the quote rules (rates in percent, amounts in dollars).</summary>
public sealed class PaymentsOptions
{
    public const string Sandbox = "Sandbox";
    public const string Stripe = "Stripe";

    /// <summary><c>Sandbox</c> (a local test checkout sending Stripe-shaped, signed webhooks) or <c>Stripe</c>.</summary>
    public string Provider { get; set; } = Sandbox;
    public decimal TaxRatePercent { get; set; } = 8.875m;
    public decimal GratuityPercent { get; set; } = 18m;
    /// <summary>The deposit as a share of the total, unless <see cref="DepositFixed"/> is above 0.</summary>
    public decimal DepositPercent { get; set; } = 25m;
    public decimal DepositFixed { get; set; }
    /// <summary>The balance is due this many days before the party.</summary>
    public int BalanceDueDays { get; set; } = 3;
    /// <summary>The least a party's food costs, whatever the guests (on top of <c>Business:MinimumGuests</c>).</summary>
    public decimal MinimumTotal { get; set; } = 600m;
    /// <summary>Default price per child (the adult price is <c>Business:PricePerPerson</c>).</summary>
    public decimal ChildPrice { get; set; } = 30m;
    /// <summary>A balance reminder goes this many days before the balance is due (and one more once it is late).</summary>
    public int ReminderDaysBefore { get; set; } = 2;
    /// <summary>Days a customer link stays valid.</summary>
    public int LinkDays { get; set; } = 30;
    public string Terms { get; set; } =
        "The deposit holds your date and is refundable up to 7 days before the party. The balance is due before the party. Gratuity is for the chef.";

    public bool IsStripe => string.Equals(Provider, Stripe, StringComparison.OrdinalIgnoreCase);
}
