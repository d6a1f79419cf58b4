using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>
/// Three suggested replies for a conversation or a review. Offline (the default) they come from
/// deterministic rules over the customer's last message and the business facts; with Ai:Provider =
/// OpenAI the configured model writes them (falling back to the rules if it fails). Never sent by itself:
/// a person picks one into the reply box.
/// </summary>
public sealed class ReplySuggester(IChatClient chat, IntentClassifier intents, IConfiguration configuration, ILogger<ReplySuggester> logger)
{
    private bool Offline => chat is OfflineChatClient;

    public async Task<ReplySuggestions> ForConversationAsync(IReadOnlyList<ChatLine> lines, DateTime now, CancellationToken ct)
    {
        var facts = BusinessFacts.From(configuration);
        var last = lines.LastOrDefault(l => l.FromCustomer);
        var intent = last is null ? new MessageIntent(IntentKind.Other, 0) : await intents.ClassifyAsync(string.Join("\n", lines.Where(l => l.FromCustomer).TakeLast(5).Select(l => l.Text)), last.At, ct);
        if (!Offline)
        {
            var prompt = $"""
                You write replies for {facts.Name}, a mobile hibachi caterer. Facts: price per person {facts.Price}; minimum {facts.MinimumGuests} guests;
                service area {facts.ServiceArea}; FAQ: {facts.Faq}. Write three short, friendly, different replies to the customer's latest message.
                Never invent prices or availability beyond the facts. Answer with JSON: {"{\"suggestions\":[\"…\",\"…\",\"…\"]}"}
                """;
            var messages = new List<ChatMessage> { new(ChatRole.System, prompt) };
            messages.AddRange(lines.TakeLast(12).Select(l => new ChatMessage(l.FromCustomer ? ChatRole.User : ChatRole.Assistant, l.Text)));
            if (await AskAsync(messages, ct) is { Count: > 0 } fromModel)
            {
                return new ReplySuggestions(fromModel, intent);
            }
        }
        return new ReplySuggestions(Rules(intent, last?.Text ?? "", facts, now), intent);
    }

    public async Task<IReadOnlyList<string>> ForReviewAsync(int rating, string? reviewText, string reviewerName, SuggestionContext context, CancellationToken ct)
    {
        var facts = BusinessFacts.From(configuration);
        var first = FirstName(reviewerName);
        if (!Offline)
        {
            var prompt = $"""
                You write public replies to reviews for {facts.Name}, a mobile hibachi caterer. The review has {rating} of 5 stars.
                {(context.EventDate is { } d ? $"Their party: {d:MMMM d}, {context.Guests} guests, {context.Package}." : "")}
                Tone: warm thanks for 4-5 stars; for 3 or fewer apologise without excuses and offer to talk offline at {facts.Phone}. Never offer
                discounts for changing a review. Three different replies, under 80 words each. JSON: {"{\"suggestions\":[…]}"}
                """;
            if (await AskAsync([new ChatMessage(ChatRole.System, prompt), new ChatMessage(ChatRole.User, reviewText ?? "(rating only)")], ct) is { Count: > 0 } fromModel)
            {
                return fromModel;
            }
        }
        var party = context.EventDate is { } date ? $" for your {(context.Guests is { } g ? $"{g}-guest " : "")}party on {date.ToString("MMMM d", CultureInfo.GetCultureInfo("en-US"))}" : "";
        var phone = facts.Phone is { Length: > 0 } p ? $" at {p}" : "";
        return rating switch
        {
            >= 5 =>
            [
                $"Thank you so much, {first}! We loved cooking{party} and we're thrilled you had a great time. Hope to fire up the grill for you again soon!",
                $"{first}, this made our day! Thanks for having {facts.Name}{party}. Our chefs will be happy to hear it.",
                $"Thanks for the five stars, {first}! It was a pleasure being part of your celebration{party}.",
            ],
            4 =>
            [
                $"Thank you, {first}! We're glad you enjoyed the hibachi{party}. If anything could have been better, we'd love to hear it so we can earn that fifth star next time.",
                $"Thanks for the kind words, {first}! We appreciate you choosing {facts.Name}{party}.",
                $"We appreciate the review, {first}! Glad the party was a success, and we're always working to make the next one even better.",
            ],
            3 =>
            [
                $"Thank you for the honest feedback, {first}. We'd like to hear more about what fell short{party}. Please call us{phone} so we can make it right.",
                $"{first}, thanks for letting us know. We take every review seriously and would appreciate the chance to talk about your experience{phone}.",
                $"We're sorry the experience{party} wasn't everything you hoped, {first}. Please reach out{phone} — we want to learn from it.",
            ],
            _ =>
            [
                $"{first}, we're truly sorry{party}. This isn't the experience we want for anyone. Please call us{phone} so we can understand what happened and make it right.",
                $"We apologise, {first}. Thank you for telling us. Our manager would like to speak with you directly{phone}.",
                $"{first}, we hear you and we're sorry. We're reviewing what happened with our team; please contact us{phone} so we can follow up personally.",
            ],
        };
    }

    private async Task<IReadOnlyList<string>?> AskAsync(List<ChatMessage> messages, CancellationToken ct)
    {
        try
        {
            var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.4f, ResponseFormat = ChatResponseFormat.Json }, ct);
            var json = response.Text.Trim().Trim('`');
            if (json.StartsWith("json", StringComparison.OrdinalIgnoreCase))
            {
                json = json[4..];
            }
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.TryGetProperty("suggestions", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => Common.PhoneText.Humanize(x.GetString()!)).Where(x => x.Length > 0).Take(3).ToList()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or NotSupportedException or InvalidOperationException or System.ClientModel.ClientResultException)
        {
            logger.LogWarning(ex, "Reply model failed; using the offline rules");
            return null;
        }
    }

    private static string FirstName(string name)
    {
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.Length == 0 || name.Contains("Google User", StringComparison.OrdinalIgnoreCase) ? "there" : first;
    }

    /// <summary>The offline rules: what the intent asks, answered with the business facts.</summary>
    internal static IReadOnlyList<string> Rules(MessageIntent intent, string lastText, BusinessFacts facts, DateTime now)
    {
        var price = facts.PricePerPerson is null ? "" : $"{facts.Price} per adult";
        var minimum = facts.MinimumGuests is { } m ? $"{m}-guest minimum" : "";
        var terms = string.Join(", ", new[] { price, minimum }.Where(x => x.Length > 0));
        var date = intent.EventDate is { } d ? d.ToString("dddd, MMMM d", CultureInfo.GetCultureInfo("en-US")) : null;
        var guests = intent.GuestCount is { } g ? $"{g} guests" : null;
        var quote = intent.GuestCount is { } n && facts.PricePerPerson is { } pp ? (Math.Max(n, facts.MinimumGuests ?? 0) * pp).ToString("C0", CultureInfo.GetCultureInfo("en-US")) : null;
        var area = facts.ServiceArea is { Length: > 0 } a ? $" We cover {a}." : "";
        var lower = lastText.ToLowerInvariant();
        if (lower.Contains("walk-in", StringComparison.Ordinal) || lower.Contains("walk in", StringComparison.Ordinal) || lower.Contains("open", StringComparison.Ordinal) && !lower.Contains("date", StringComparison.Ordinal) && intent.Kind == IntentKind.Other)
        {
            return
            [
                $"Hi! We're a mobile hibachi caterer — our chef comes to you, so there's no restaurant to walk into.{area} Want a quote for a party? Just tell me the date and guest count.",
                $"Thanks for reaching out! We cook at your place (backyard, home, venue). {terms}. What date are you thinking?",
                $"We don't have a dining room — {facts.Name} brings the grill and the chef to your party. Can I help you plan one?",
            ];
        }
        return intent.Kind switch
        {
            IntentKind.BookingInquiry or IntentKind.Availability when date is not null =>
            [
                $"Thanks for thinking of us! {date} is looking good{(guests is null ? "" : $" for {guests}")}. It's {terms}{(quote is null ? "" : $" (about {quote} total)")}. What ZIP is the party in?",
                $"We'd love to cook for you on {date}! Could you confirm the guest count and address? A $200 deposit holds the date.",
                $"Great choice! For {date} we can hold a chef for you. {terms}.{area} Want me to send a quote?",
            ],
            IntentKind.BookingInquiry or IntentKind.Availability =>
            [
                $"We'd love to cook for you! What date and how many guests are you thinking? It's {terms}.",
                $"Thanks for reaching out! Tell me the date, guest count and ZIP and I'll check our chefs' calendar.{area}",
                $"Happy to help plan your hibachi party! {terms}. When is the party?",
            ],
            IntentKind.PricingQuestion =>
            [
                $"Our hibachi party is {terms}{(quote is null ? "" : $" — for {guests} that's about {quote}")}. That includes the chef, grill, fried rice, vegetables and two proteins.",
                $"Great question! {terms}. {facts.Faq}".Trim(),
                $"Pricing is {terms}{(quote is null ? "" : $" ({quote} for {guests})")}. Want me to check a date for you?",
            ],
            IntentKind.Complaint =>
            [
                "I'm so sorry to hear that. Could you tell me a bit more about what happened so we can make it right?",
                $"Thank you for telling us, and I apologise. A manager will call you today{(facts.Phone is { } p ? $" — or reach us any time at {p}" : "")}.",
                "That's not the experience we want for you. Let me look into it right away and get back to you.",
            ],
            _ =>
            [
                "Thanks for your message! How can we help with your hibachi party?",
                $"Hi! {facts.Name} here. {terms}.{area} Let me know the date and guest count and I'll get you a quote.",
                "Thanks for reaching out — I'll get back to you shortly with details.",
            ],
        };
    }
}
