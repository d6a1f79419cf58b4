using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>
/// Classifies a customer message and extracts booking details through <see cref="IChatClient"/>.
/// Dates are resolved against the message's local date in Business:TimeZone. A model answer that
/// cannot be parsed falls back to the offline rules, so a flaky model never loses an inquiry.
/// </summary>
public sealed class IntentClassifier(IChatClient chat, IConfiguration configuration, ILogger<IntentClassifier> logger)
{
    private const string TodayMarker = "Today is ";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<MessageIntent> ClassifyAsync(string text, DateTime messageUtc, CancellationToken ct)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(configuration["Business:TimeZone"] ?? "America/New_York", out var z) ? z : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(messageUtc, DateTimeKind.Utc), zone));
        var system = $$"""
            You classify text messages sent to a mobile hibachi catering business. {{TodayMarker}}{{today:yyyy-MM-dd}} ({{today.DayOfWeek}}).
            Answer with JSON only: {"kind": "bookingInquiry|pricingQuestion|availability|complaint|optOut|other", "confidence": 0..1,
            "eventDate": "yyyy-MM-dd"|null, "guestCount": int|null, "zip": string|null, "city": string|null, "occasion": string|null, "budget": number|null}.
            Resolve relative dates ("next Saturday", "12/5", "Dec 5th") against today.
            """;
        try
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, text)],
                new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json }, ct);
            var json = response.Text.Trim().Trim('`');
            if (json.StartsWith("json", StringComparison.OrdinalIgnoreCase))
            {
                json = json[4..];
            }
            return JsonSerializer.Deserialize<MessageIntent>(json, Json) ?? OfflineIntentRules.Classify(text, today);
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or NotSupportedException or InvalidOperationException or System.ClientModel.ClientResultException)
        {
            logger.LogWarning(ex, "Intent model failed; using the offline rules");
            return OfflineIntentRules.Classify(text, today);
        }
    }

    internal static DateOnly? TodayFromPrompt(string? prompt)
    {
        var at = prompt?.IndexOf(TodayMarker, StringComparison.Ordinal) ?? -1;
        return at >= 0 && DateOnly.TryParseExact(prompt!.AsSpan(at + TodayMarker.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
