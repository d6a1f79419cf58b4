using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HibachiAdmin.Features.Messaging;

/// <summary>One messaging event of a Meta webhook, as stored: the object, the entry id and the event's own JSON.</summary>
public sealed record MetaEvent(string Key, string Channel, string Payload)
{
    /// <summary>
    /// Splits a webhook body into its events. The key is the message id for messages and echoes
    /// (Meta's idempotency key), else a hash of the event (receipts, reactions: a redelivery is the same bytes).
    /// </summary>
    /// <exception cref="FormatException">names the field that has the wrong shape.</exception>
    public static List<MetaEvent> Split(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("object");
        }
        var obj = root.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        if (obj is not ("page" or "instagram"))
        {
            throw new FormatException("object");
        }
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("entry");
        }
        var events = new List<MetaEvent>();
        var i = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"entry[{i}]");
            }
            var entryId = entry.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : "";
            // Handover protocol: events for an app that is not the primary receiver come under "standby".
            foreach (var field in new[] { "messaging", "standby" })
            {
                if (!entry.TryGetProperty(field, out var list))
                {
                    continue;
                }
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"entry[{i}].{field}");
                }
                foreach (var e in list.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Object)
                    {
                        throw new FormatException($"entry[{i}].{field}");
                    }
                    var raw = e.GetRawText();
                    var payload = $"{{\"object\":{JsonSerializer.Serialize(obj)},\"entryId\":{JsonSerializer.Serialize(entryId)},\"event\":{raw}}}";
                    events.Add(new MetaEvent(KeyOf(e, obj, raw), obj == "instagram" ? "instagram" : "facebook", payload));
                }
            }
            i++;
        }
        return events;
    }

    private static string KeyOf(JsonElement e, string obj, string raw)
    {
        if (e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object
            && m.TryGetProperty("mid", out var mid) && mid.ValueKind == JsonValueKind.String && mid.GetString() is { Length: > 0 } value)
        {
            return value.Length <= 96 ? $"mid:{value}" : $"mid#{Hash(value)}";
        }
        return $"evt:{Hash(obj + raw)}";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
