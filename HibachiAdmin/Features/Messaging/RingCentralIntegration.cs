using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Messaging;

/// <summary>Admin > Integrations: RingCentral status, the webhook URL, creating and renewing the subscription.</summary>
public sealed class RingCentralIntegration(
    IServiceProvider services,
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<RingCentralOptions> options,
    IOptions<SmsOptions> sms,
    TimeProvider time,
    ILogger<RingCentralIntegration> logger)
{
    public async Task<IntegrationStatus> GetStatusAsync(bool checkToken, CancellationToken ct)
    {
        string? tokenCheck = null;
        if (checkToken && options.Value.IsConfigured)
        {
            try
            {
                await services.GetRequiredService<RingCentralClient>().GetAccessTokenAsync(ct);
                tokenCheck = "ok";
            }
            catch (Exception ex) when (ex is RingCentralException or HttpRequestException or TaskCanceledException)
            {
                tokenCheck = ex.Message;
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await db.Set<WebhookSubscription>().AsNoTracking().OrderByDescending(s => s.CreatedAt).Select(s => new SubscriptionInfo(s.ExternalId, s.Address, s.Status, s.ExpiresAt)).FirstOrDefaultAsync(ct);
        return new IntegrationStatus(sms.Value.Provider, options.Value.IsConfigured, !string.IsNullOrEmpty(options.Value.VerificationToken), options.Value.FromNumber, tokenCheck, subscription);
    }

    public async Task<(bool Ok, string Message)> CreateSubscriptionAsync(string webhookUrl, CancellationToken ct)
    {
        if (!options.Value.IsConfigured || string.IsNullOrEmpty(options.Value.VerificationToken))
        {
            return (false, "Set RingCentral:ClientId, :ClientSecret, :Jwt and :VerificationToken first.");
        }
        if (!Uri.TryCreate(webhookUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return (false, "RingCentral only delivers to a public HTTPS address; set Qr:PublicBaseUrl or open the app through its public URL.");
        }
        try
        {
            var created = await services.GetRequiredService<RingCentralClient>().CreateSubscriptionAsync(webhookUrl, options.Value.VerificationToken!, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Add(new WebhookSubscription { ExternalId = created.Id, Address = webhookUrl, Status = created.Status, ExpiresAt = created.ExpirationTime, CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            return (true, $"Subscription {created.Id} is {created.Status}.");
        }
        catch (Exception ex) when (ex is RingCentralException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(ex, "Creating the RingCentral subscription failed");
            return (false, ex.Message);
        }
    }

    /// <summary>Renews subscriptions that expire within a week (renewal job).</summary>
    public async Task<int> RenewExpiringAsync(CancellationToken ct)
    {
        if (!options.Value.IsConfigured)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var soon = time.GetUtcNow().UtcDateTime.AddDays(7);
        var expiring = await db.Set<WebhookSubscription>().Where(s => s.ExpiresAt != null && s.ExpiresAt < soon && s.Status != "Blacklisted").ToListAsync(ct);
        foreach (var subscription in expiring)
        {
            try
            {
                var renewed = await services.GetRequiredService<RingCentralClient>().RenewSubscriptionAsync(subscription.ExternalId, ct);
                subscription.Status = renewed.Status;
                subscription.ExpiresAt = renewed.ExpirationTime;
                subscription.RenewedAt = time.GetUtcNow().UtcDateTime;
                subscription.LastError = null;
            }
            catch (Exception ex) when (ex is RingCentralException or HttpRequestException or TaskCanceledException)
            {
                subscription.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            }
        }
        await db.SaveChangesAsync(ct);
        return expiring.Count;
    }
}
