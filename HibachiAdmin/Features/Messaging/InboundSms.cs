using System.Text.Json;

namespace HibachiAdmin.Features.Messaging;

/// <summary>The facts of one inbound RingCentral SMS, read from the notification body with their types checked.</summary>
public sealed record InboundSms(string From, string? FromName, string MessageId, string Text, DateTime SentAt)
{
    /// <summary>
    /// Reads a message-store instant body. A field of the wrong type is reported by name (the event is
    /// then recorded as ignored with that reason, not retried: a retry cannot fix a payload).
    /// </summary>
    public static InboundSms? TryRead(JsonElement body, DateTime receivedAt, out string? problem)
    {
        problem = null;
        if (!body.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object)
        {
            problem = "body.from is missing or not an object";
            return null;
        }
        if (!from.TryGetProperty("phoneNumber", out var number) || number.ValueKind != JsonValueKind.String)
        {
            problem = "body.from.phoneNumber is missing or not a string";
            return null;
        }
        string? name = null;
        if (from.TryGetProperty("name", out var n) && n.ValueKind is not JsonValueKind.Null)
        {
            if (n.ValueKind != JsonValueKind.String)
            {
                problem = "body.from.name is not a string";
                return null;
            }
            name = n.GetString();
        }
        if (!body.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            problem = "body.id is missing or not a string or number";
            return null;
        }
        var messageId = id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!;
        if (messageId.Length is 0 or > 100)
        {
            problem = "body.id is empty or longer than 100 characters";
            return null;
        }
        var text = "";
        if (body.TryGetProperty("subject", out var subject) && subject.ValueKind is not JsonValueKind.Null)
        {
            if (subject.ValueKind != JsonValueKind.String)
            {
                problem = "body.subject is not a string";
                return null;
            }
            text = subject.GetString()!;
        }
        var sentAt = receivedAt;
        if (body.TryGetProperty("creationTime", out var created) && created.ValueKind is not JsonValueKind.Null)
        {
            if (created.ValueKind != JsonValueKind.String || !created.TryGetDateTime(out var at))
            {
                problem = "body.creationTime is not an ISO 8601 time";
                return null;
            }
            // Provider time orders consent keywords; never later than we received it (a skewed clock cannot lock consent).
            var utc = at.ToUniversalTime();
            // Stryker disable once Equality : "<" → "<=" picks between two equal instants
            sentAt = utc < receivedAt ? utc : receivedAt;
        }
        return new InboundSms(number.GetString()!, name, messageId, text, sentAt);
    }
}
