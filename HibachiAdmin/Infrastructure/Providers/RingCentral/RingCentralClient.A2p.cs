using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>High Volume (A2P) SMS, https://developers.ringcentral.com/guide/messaging/sms/high-volume (PROTOCOLS.md 1.9).</summary>
public sealed partial class RingCentralClient
{
    /// <summary>Most messages one High Volume request carries (RingCentral: 10,000 per request).</summary>
    public const int A2pMaxBatch = 10_000;

    /// <summary>The number campaigns go out from: RingCentral:CampaignFromNumber, else RingCentral:FromNumber.</summary>
    public string? CampaignFromNumber => Options.CampaignFromNumber is { Length: > 0 } n ? n : Options.FromNumber;

    /// <summary><c>POST /a2p-sms/batches</c>: one message per recipient, each with its own text.</summary>
    public async Task<RingCentralBatch> CreateA2pBatchAsync(IReadOnlyList<(string To, string Text)> messages, CancellationToken ct)
    {
        if (messages.Count is 0 or > A2pMaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(messages), messages.Count, $"A High Volume batch carries 1 to {A2pMaxBatch} messages.");
        }
        var body = new
        {
            from = CampaignFromNumber,
            messages = messages.Select(m => new { to = new[] { m.To }, text = m.Text }).ToArray(),
        };
        using var response = await SendAuthorizedAsync(HttpMethod.Post, "/restapi/v1.0/account/~/a2p-sms/batches", body, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = doc.RootElement;
        var rejected = new List<RingCentralRejected>();
        if (root.TryGetProperty("rejected", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in list.EnumerateArray())
            {
                var to = r.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0 ? t[0].GetString() ?? "" : "";
                rejected.Add(new RingCentralRejected(r.GetProperty("index").GetInt32(), to,
                    r.TryGetProperty("errorCode", out var c) ? c.GetString() : null, r.TryGetProperty("description", out var d) ? d.GetString() : null));
            }
        }
        return new RingCentralBatch(root.GetProperty("id").GetString()!, root.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "", rejected);
    }

    /// <summary><c>GET /a2p-sms/messages?batchId=…</c>, one page (up to 1,000).</summary>
    public async Task<RingCentralMessagePage> ListA2pMessagesAsync(string batchId, string? pageToken, CancellationToken ct)
    {
        var query = $"batchId={Uri.EscapeDataString(batchId)}&direction=Outbound&view=Simple&perPage=1000" + (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}");
        using var response = await SendAuthorizedAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/a2p-sms/messages?{query}", null, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return new RingCentralMessagePage(ReadRecords(doc.RootElement), NextPageToken(doc.RootElement));
    }

    /// <summary>
    /// The id of a High Volume text to <paramref name="to"/> with exactly <paramref name="text"/> created since
    /// <paramref name="sinceUtc"/>, or null (<c>GET /a2p-sms/messages?phoneNumber=…&amp;view=Detailed</c>): a batch whose answer
    /// never reached us (the process died during the request) is found before its texts are sent again.
    /// </summary>
    public async Task<string?> FindA2pMessageAsync(string to, string text, DateTime sinceUtc, CancellationToken ct)
    {
        var query = $"phoneNumber={Uri.EscapeDataString(to)}&direction=Outbound&view=Detailed&perPage=100&dateFrom={Uri.EscapeDataString(Iso(sinceUtc))}";
        using var response = await SendAuthorizedAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/a2p-sms/messages?{query}", null, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (!doc.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var r in records.EnumerateArray())
        {
            var sameText = r.TryGetProperty("text", out var t) && t.GetString() == text;
            var sameTo = r.TryGetProperty("to", out var recipients) && recipients.ValueKind == JsonValueKind.Array
                         && recipients.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == to);
            if (sameText && sameTo && r.TryGetProperty("id", out var id))
            {
                return id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString();
            }
        }
        return null;
    }

    /// <summary><c>GET /a2p-sms/opt-outs?from=…</c>, one page: the pairs RingCentral's opt-out service holds for the campaign number.</summary>
    public async Task<RingCentralOptOutPage> ListOptOutsAsync(string? pageToken, CancellationToken ct)
    {
        var query = $"from={Uri.EscapeDataString(CampaignFromNumber ?? "")}&perPage=1000" + (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}");
        using var response = await SendAuthorizedAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/a2p-sms/opt-outs?{query}", null, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var records = new List<RingCentralOptOut>();
        if (doc.RootElement.TryGetProperty("records", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in list.EnumerateArray())
            {
                var status = r.TryGetProperty("status", out var s) ? s.GetString() : "OptOut";
                records.Add(new RingCentralOptOut(r.TryGetProperty("from", out var f) ? f.GetString() ?? "" : "", r.TryGetProperty("to", out var t) ? t.GetString() ?? "" : "",
                    !string.Equals(status, "OptIn", StringComparison.Ordinal), r.TryGetProperty("source", out var src) ? src.GetString() : null));
            }
        }
        return new RingCentralOptOutPage(records, NextPageToken(doc.RootElement));
    }

    /// <summary>
    /// Adds opt-outs made in this app to RingCentral's list for the campaign number (the account consent API,
    /// <c>PATCH /restapi/v2/accounts/~/sms/consents</c>, PROTOCOLS.md 1.9), so RingCentral refuses those pairs too.
    /// Only opt-outs: nothing here ever opts anyone in.
    /// </summary>
    public async Task AddOptOutsAsync(IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var body = new
        {
            records = numbers.Select(n => new { from = CampaignFromNumber, to = n, optStatus = "OptOut", source = "Account" }).ToArray(),
        };
        using var response = await SendAuthorizedAsync(HttpMethod.Patch, "/restapi/v2/accounts/~/sms/consents", body, ct);
    }

    /// <summary>The extension's numbers and their features (<c>SmsSender</c>, <c>A2PSmsSender</c>, …).</summary>
    /// <summary>
    /// <c>GET /extension/~/phone-number</c>: the extension's numbers with their features (<c>SmsSender</c>,
    /// <c>A2PSmsSender</c>, <c>CallerId</c>, …), every page.
    /// </summary>
    public async Task<IReadOnlyList<ProviderPhoneNumber>> GetPhoneNumbersAsync(CancellationToken ct)
    {
        var result = new List<ProviderPhoneNumber>();
        for (var page = 1; page <= 100; page++)
        {
            using var response = await SendAuthorizedAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/extension/~/phone-number?perPage=1000&page={page}", null, ct);
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            var root = doc.RootElement;
            var count = 0;
            if (root.TryGetProperty("records", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var r in list.EnumerateArray())
                {
                    count++;
                    if (r.TryGetProperty("phoneNumber", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } number)
                    {
                        var features = r.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array
                            ? f.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                            : [];
                        result.Add(new ProviderPhoneNumber(number, Text(r, "id"), Text(r, "usageType"), features));
                    }
                }
            }
            var totalPages = root.TryGetProperty("paging", out var paging) && paging.TryGetProperty("totalPages", out var tp) && tp.TryGetInt32(out var t) ? t : page;
            if (count == 0 || page >= totalPages)
            {
                break;
            }
        }
        return result;
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v)
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
        : null;

    private static string? NextPageToken(JsonElement root) =>
        root.TryGetProperty("paging", out var paging) && paging.TryGetProperty("nextPageToken", out var next) && next.ValueKind == JsonValueKind.String
            ? next.GetString()
            : null;

    internal static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
