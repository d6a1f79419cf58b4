using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Tests.Infrastructure;

/// <summary>A provider that accepts every text and remembers what reached it (what a carrier would have delivered).</summary>
public sealed class RecordingSmsProvider : ISmsProvider
{
    public ConcurrentQueue<(string To, string Text)> Sent { get; } = new();

    public string Name => "recording";

    public Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct)
    {
        Sent.Enqueue((to, text));
        return Task.FromResult(new ProviderSendResult(true, $"rec-{messageId:N}", null));
    }

    public int CountTo(string to) => Sent.Count(s => s.To == to);
}
