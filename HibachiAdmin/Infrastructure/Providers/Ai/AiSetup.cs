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
