using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>Recovery of texts whose provider call never reported back (see <see cref="InDoubtSmsJob"/>).</summary>
public sealed partial class SmsService
{
    /// <summary>How long a queued text may go without its provider answer before a recovery asks the provider about it.</summary>
    public static readonly TimeSpan InDoubtAfter = ISmsBatches.InDoubtAfter;

    /// <summary>
    /// Texts stored as queued whose provider call never reported back (the process died around it): each
    /// is claimed by one process, the provider is asked whether it has the text, and it is recorded when
    /// it does, or sent now when it does not (consent checked again first: a STOP since then wins). With
    /// the idempotency keys this makes every send exactly once in effect, even across a kill -9.
    /// </summary>
    /// <returns>How many were settled (found at the provider, sent now, or refused).</returns>
    public async Task<int> ResolveInDoubtAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - InDoubtAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await db.Set<OutboundMessage>()
            .Where(m => m.Status == OutboundStatus.Queued && m.ProviderMessageId == null && m.UpdatedAt < cutoff)
            .OrderBy(m => m.CreatedAt).Take(200).ToListAsync(ct);
        var settled = 0;
        foreach (var message in candidates)
        {
            // One process resolves a message: the claim moves UpdatedAt, so a rival's condition fails.
            var previous = message.UpdatedAt;
            if (await db.Set<OutboundMessage>().Where(m => m.Id == message.Id && m.ProviderMessageId == null && m.Status == OutboundStatus.Queued && m.UpdatedAt == previous)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.UpdatedAt, now), ct) == 0)
            {
                continue;
            }
            // Stryker disable once Statement : keeps the tracked copy in step with the claim; SaveChanges writes only changed columns, so the row holds `now` either way
            message.UpdatedAt = now;
            string? found = null; // assigned here so every mutant of the catch below compiles (Stryker)
            try
            {
                found = await provider.FindSentAsync(message.Id, message.To, message.Text, message.CreatedAt, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Could not ask the provider about queued text {MessageId}; trying again later", message.Id);
                continue;
            }
            if (found is not null)
            {
                message.ProviderMessageId = found;
                db.Add(new OutboundStatusChange { MessageId = message.Id, Status = OutboundStatus.Queued, At = now, Detail = "recovered: the provider had it" });
            }
            else
            {
                var contact = await contacts.GetSummaryByPhoneAsync(message.To, ct);
                // Stryker disable once Boolean : with no contact the consent is None, so marketing is refused as noConsent first and other purposes ignore the flag
                if (Refusal(message.Purpose, contact?.SmsConsent ?? SmsConsent.None, contact?.NumberInvalid ?? false) is { } refusal)
                {
                    message.Status = OutboundStatus.Refused;
                    message.RefusedReason = refusal;
                    message.CorrelationId = null;
                    message.Cost = 0;
                    db.Add(new OutboundStatusChange { MessageId = message.Id, Status = OutboundStatus.Refused, At = now, Detail = $"not sent after a restart: {refusal}" });
                }
                else
                {
                    var sent = await CallProviderAsync(message, ct);
                    message.ProviderMessageId = sent.ProviderMessageId;
                    if (!sent.Accepted)
                    {
                        message.Status = OutboundStatus.Failed;
                        message.Error = sent.Error is { } e ? e[..Math.Min(e.Length, 500)] : null;
                    }
                    db.Add(new OutboundStatusChange { MessageId = message.Id, Status = message.Status, At = now, Detail = sent.Accepted ? "sent after a restart" : message.Error });
                }
            }
            await db.SaveChangesAsync(ct);
            settled++;
        }
        return settled;
    }
}
