using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public sealed partial class RingCentralClient
{
    /// <summary>Most records one Message Sync request asks for (RingCentral's page limit for ISync is 250).</summary>
    public const int SyncRecordCount = 250;

    /// <summary>
    /// Message Sync (https://developers.ringcentral.com/guide/messaging/message-store/message-sync): with a token an
    /// incremental sync (ISync: everything that changed since, one request), without one a full sync (FSync) of
    /// the outbound SMS since <paramref name="fullSyncSinceUtc"/>.
    /// </summary>
    public async Task<RingCentralSyncPage> SyncMessagesAsync(string? syncToken, DateTime fullSyncSinceUtc, CancellationToken ct)
    {
        var query = syncToken is { Length: > 0 }
            ? $"syncType=ISync&syncToken={Uri.EscapeDataString(syncToken)}&recordCount={SyncRecordCount}"
            : $"syncType=FSync&messageType=SMS&direction=Outbound&recordCount={SyncRecordCount}&dateFrom={Uri.EscapeDataString(fullSyncSinceUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))}";
        using var response = await SendAuthorizedAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/extension/~/message-sync?{query}", null, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = doc.RootElement;
        var records = ReadRecords(root);
        string? token = null;
        var older = false;
        if (root.TryGetProperty("syncInfo", out var info) && info.ValueKind == JsonValueKind.Object)
        {
            token = info.TryGetProperty("syncToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            older = info.TryGetProperty("olderRecordsExist", out var o) && o.ValueKind == JsonValueKind.True;
        }
        return new RingCentralSyncPage(records, token, older);
    }

    /// <summary>Reads <c>records[]</c> of a message list (message store, Message Sync or High Volume).</summary>
    internal static List<RingCentralMessageState> ReadRecords(JsonElement root)
    {
        var result = new List<RingCentralMessageState>();
        if (!root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return result;
        }
        foreach (var r in records.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("id", out var id) || StringOf(id) is not { } messageId)
            {
                continue;
            }
            var error = r.TryGetProperty("deliveryErrorCode", out var d) ? StringOf(d) : null;
            error ??= r.TryGetProperty("errorCode", out var e) ? StringOf(e) : null;
            string? to = null;
            if (r.TryGetProperty("to", out var recipients) && recipients.ValueKind == JsonValueKind.Array && recipients.GetArrayLength() > 0)
            {
                var first = recipients[0];
                to = first.ValueKind == JsonValueKind.String ? first.GetString()
                    : first.ValueKind == JsonValueKind.Object && first.TryGetProperty("phoneNumber", out var p) ? p.GetString() : null;
            }
            result.Add(new RingCentralMessageState(messageId,
                r.TryGetProperty("messageStatus", out var s) ? StringOf(s) ?? "" : "",
                error,
                r.TryGetProperty("direction", out var dir) ? StringOf(dir) : null,
                to,
                r.TryGetProperty("batchId", out var batch) ? StringOf(batch) : null));
        }
        return result;
    }

    /// <summary>Ids are numbers in the message store and strings elsewhere (PROTOCOLS.md 1.4): both read as text.</summary>
    private static string? StringOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };
}
