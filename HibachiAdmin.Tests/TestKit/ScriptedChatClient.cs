using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Providers.Ai;
using Microsoft.Extensions.AI;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// The intent "model" for these tests: a text registered in <see cref="Intents"/> gets that JSON answer
/// (so every field of a booking intent can be set exactly), any other text the offline rules.
/// </summary>
public sealed class ScriptedChatClient(TimeProvider time) : IChatClient
{
    private readonly OfflineChatClient _offline = new(time);

    public ConcurrentDictionary<string, string> Intents { get; } = new(StringComparer.Ordinal);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var text = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        return Intents.TryGetValue(text, out var json)
            ? Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, json)))
            : _offline.GetResponseAsync(list, options, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
