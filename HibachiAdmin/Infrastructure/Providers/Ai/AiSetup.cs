using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HibachiAdmin.Infrastructure.Providers.Ai;

public static class AiSetup
{
    /// <summary>Ai:Provider = Offline (default, no network) or OpenAI (any OpenAI-compatible endpoint).</summary>
    public static WebApplicationBuilder AddAi(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Ai:Provider"] ?? "Offline";
        if (string.Equals(provider, "OpenAI", StringComparison.OrdinalIgnoreCase))
        {
            var endpoint = builder.Configuration["Ai:Endpoint"] ?? "https://api.openai.com/v1";
            var key = builder.Configuration["Ai:ApiKey"] ?? throw new InvalidOperationException("Ai:Provider is OpenAI but Ai:ApiKey is not set.");
            var model = builder.Configuration["Ai:Model"] ?? "gpt-4o-mini";
            builder.Services.AddSingleton<IChatClient>(_ =>
                new OpenAI.OpenAIClient(new ApiKeyCredential(key), new OpenAI.OpenAIClientOptions { Endpoint = new Uri(endpoint) })
                    .GetChatClient(model).AsIChatClient());
        }
        else if (string.Equals(provider, "Offline", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<IChatClient, OfflineChatClient>();
        }
        else
        {
            throw new InvalidOperationException($"Ai:Provider must be Offline or OpenAI, not '{provider}'.");
        }
        builder.Services.AddSingleton<IntentClassifier>();
        builder.Services.AddSingleton<ReplySuggester>();
        return builder;
    }
}

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
