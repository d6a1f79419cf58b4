using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// RingCentral High Volume notifications, applied by the inbound worker in its batch's unit of work (database only, no
/// provider call): per-message status events (<c>/a2p-sms/messages</c>), batch events (<c>/a2p-sms/batches</c>) and
/// opt-out events (<c>/a2p-sms/opt-outs</c>, <c>{from, to, active}</c>) into the consent ledger.
/// </summary>
public sealed class A2pEventHandler(SmsService sms, IContactService contacts, Phones phones)
{
    public static bool Handles(string filter) => filter.Contains("/a2p-sms/", StringComparison.Ordinal);

    public async Task<string> HandleAsync(AppDbContext db, InboundEvent row, string filter, JsonElement root, JsonElement body, CancellationToken ct)
    {
        if (filter.Contains("/a2p-sms/opt-outs", StringComparison.Ordinal))
        {
            return await OptOutAsync(db, row, root, body, ct);
        }
        if (filter.Contains("/a2p-sms/messages", StringComparison.Ordinal))
        {
            // One record per event, or a records[] list: both read the same way.
            var records = body.TryGetProperty("records", out _) ? RingCentralClient.ReadRecords(body) : RingCentralClient.ReadRecords(Wrap(body));
            var outbound = records.Where(r => !string.Equals(r.Direction, "Inbound", StringComparison.Ordinal)).ToList();
            var moved = await sms.ApplyA2pStatesAsync(db, outbound, ct);
            return $"high volume status: {moved} of {outbound.Count} texts moved";
        }
        return filter.Contains("/a2p-sms/batches", StringComparison.Ordinal) ? "noted: high volume batch event" : "ignored: unknown high volume event";
    }

    private async Task<string> OptOutAsync(AppDbContext db, InboundEvent row, JsonElement root, JsonElement body, CancellationToken ct)
    {
        var to = body.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.String ? phones.ToE164(t.GetString() ?? "") : null;
        if (to is null || !body.TryGetProperty("active", out var active) || active.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return "ignored: opt-out event without a number or an active flag";
        }
        var from = body.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        // The provider's time, capped at arrival (a clock ahead of ours must not outrank a later keyword).
        var at = root.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String && ts.TryGetDateTime(out var stamp)
            ? stamp.ToUniversalTime() : row.ReceivedAt;
        if (at > row.ReceivedAt)
        {
            at = row.ReceivedAt;
        }
        var optedOut = active.GetBoolean();
        var evidence = $"RingCentral opt-out service event {row.ExternalId}: {(optedOut ? "opted out" : "opted back in")} {to} from {from} at {at:O}";
        var outcome = await contacts.ApplyProviderOptOutAsync(new CrossFeatureTransaction(db), to, optedOut, at, evidence, ct);
        return $"high volume opt-out: {outcome}";
    }

    private static JsonElement Wrap(JsonElement record)
    {
        using var doc = JsonDocument.Parse($$"""{"records":[{{record.GetRawText()}}]}""");
        return doc.RootElement.Clone();
    }
}
