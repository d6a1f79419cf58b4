using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>
/// The offline "model": answers the intent prompt with the rule-based classification as JSON, so the
/// classifier code path is the same whichever provider is configured.
/// </summary>
public sealed class OfflineChatClient(TimeProvider time) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var today = list.Select(m => m.Text).Select(IntentClassifier.TodayFromPrompt).FirstOrDefault(d => d is not null) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var text = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var intent = OfflineIntentRules.Classify(text, today);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, JsonSerializer.Serialize(intent, IntentClassifier.Json))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The offline model answers in one piece.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
