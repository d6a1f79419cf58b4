using HibachiAdmin.Infrastructure.Providers.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure.Providers;

/// <summary>Suggested replies: offline rules from the Business settings by default; a configured chat model's answer when it is usable, the rules when it is not.</summary>
public sealed class ReplySuggesterTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);

    private static IConfiguration Business() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Business:Name"] = "Ember & Steel Hibachi",
        ["Business:PricePerPerson"] = "65",
        ["Business:MinimumGuests"] = "12",
        ["Business:ServiceArea"] = "Brooklyn and Queens",
        ["Business:Phone"] = "(212) 555-0147",
    }).Build();

    private static ReplySuggester Suggester(IChatClient chat) =>
        new(chat, new IntentClassifier(chat, Business(), NullLogger<IntentClassifier>.Instance), Business(), NullLogger<ReplySuggester>.Instance);

    private sealed class ScriptedChat(string answer) : IChatClient
    {
        public List<IList<ChatMessage>> Prompts { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Prompts.Add(messages.ToList());
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Offline_rules_answer_with_the_business_facts()
    {
        var suggester = Suggester(new OfflineChatClient(new FakeTimeProvider(Now)));
        var result = await suggester.ForConversationAsync([new ChatLine(true, "How much for 20 people on Dec 14?", Now)], Now, default);
        Assert.Equal(3, result.Suggestions.Count);
        Assert.Contains(result.Suggestions, s => s.Contains("$65 per adult", StringComparison.Ordinal));
        Assert.Contains(result.Suggestions, s => s.Contains("$1,300", StringComparison.Ordinal));
        Assert.Equal(20, result.Intent.GuestCount);
        var walkIn = await suggester.ForConversationAsync([new ChatLine(true, "Do you take walk-ins?", Now)], Now, default);
        Assert.Contains(walkIn.Suggestions, s => s.Contains("no restaurant", StringComparison.Ordinal) || s.Contains("don't have a dining room", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_model_writes_them_and_a_broken_answer_falls_back_to_the_rules()
    {
        var model = new ScriptedChat("""{"suggestions":["One","Two","Three"]}""");
        var result = await Suggester(model).ForConversationAsync([new ChatLine(true, "Are you free Saturday?", Now), new ChatLine(false, "Which Saturday?", Now)], Now, default);
        Assert.Equal(["One", "Two", "Three"], result.Suggestions);
        var prompt = model.Prompts.Last();
        Assert.Contains("$65", prompt[0].Text, StringComparison.Ordinal);
        Assert.Equal(ChatRole.Assistant, prompt[^1].Role);

        var broken = await Suggester(new ScriptedChat("I can't do JSON today")).ForConversationAsync([new ChatLine(true, "How much per person?", Now)], Now, default);
        Assert.Equal(3, broken.Suggestions.Count);
        Assert.Contains(broken.Suggestions, s => s.Contains("$65", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, "Thank")]
    [InlineData(4, "Thank")]
    [InlineData(2, "sorry")]
    [InlineData(1, "sorry")]
    public async Task Review_replies_follow_the_rating_and_mention_the_party(int rating, string word)
    {
        var suggester = Suggester(new OfflineChatClient(new FakeTimeProvider(Now)));
        var replies = await suggester.ForReviewAsync(rating, "text", "Dana Kim", new SuggestionContext(new DateOnly(2026, 11, 14), 18, "Classic"), default);
        Assert.Equal(3, replies.Count);
        Assert.Contains(replies, r => r.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(replies, r => r.Contains("18-guest party on November 14", StringComparison.Ordinal));
        Assert.All(replies, r => Assert.DoesNotContain("Yelp", r, StringComparison.Ordinal));
        if (rating <= 3)
        {
            Assert.All(replies, r => Assert.DoesNotContain("five stars", r, StringComparison.OrdinalIgnoreCase));
        }
    }
}
