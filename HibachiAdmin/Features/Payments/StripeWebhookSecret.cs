using System.Security.Cryptography;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// The endpoint secret <c>Stripe-Signature</c> is checked with: <c>Stripe:WebhookSecret</c>; unset in the sandbox, a
/// generated one kept in the database (so every instance and restart signs and checks with the same); unset with
/// Stripe: none (the webhook refuses with 503).
/// </summary>
public sealed class StripeWebhookSecret(IOptions<StripeOptions> stripe, IOptions<PaymentsOptions> payments, IDbContextFactory<AppDbContext> dbFactory)
{
    private const string Key = "stripe.sandbox-webhook-secret";
    private string? _generated;

    public async Task<string?> GetAsync(CancellationToken ct)
    {
        if (stripe.Value.WebhookSecret is { Length: > 0 } configured)
        {
            return configured;
        }
        if (payments.Value.IsStripe)
        {
            return null;
        }
        if (_generated is { } cached)
        {
            return cached;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<PaymentSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, ct) is not { } row)
        {
            db.Add(new PaymentSetting { Key = Key, Value = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance made it first: theirs is the one.
            }
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            row = await again.Set<PaymentSetting>().AsNoTracking().FirstAsync(s => s.Key == Key, ct);
        }
        return _generated = row.Value;
    }
}
