using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>A provider that accepts every text and remembers what reached it (what a carrier would have delivered).</summary>
public sealed class RecordingSmsProvider : ISmsProvider
{
    public ConcurrentQueue<(string To, string Text)> Sent { get; } = new();

    private readonly ConcurrentDictionary<Guid, string> _ids = new();

    /// <summary>Called before each send; throwing here is the process dying around the provider call.</summary>
    public Action<Guid, string>? BeforeSend { get; set; }

    public string Name => "recording";

    public Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct)
    {
        BeforeSend?.Invoke(messageId, to);
        Sent.Enqueue((to, text));
        _ids[messageId] = $"rec-{messageId:N}";
        return Task.FromResult(new ProviderSendResult(true, $"rec-{messageId:N}", null));
    }

    public Task<string?> FindSentAsync(Guid messageId, string to, string text, DateTime queuedAtUtc, CancellationToken ct) =>
        Task.FromResult(_ids.TryGetValue(messageId, out var id) ? id : null);

    public int CountTo(string to) => Sent.Count(s => s.To == to);
}
