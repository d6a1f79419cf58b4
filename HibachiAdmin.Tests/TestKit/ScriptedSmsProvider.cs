using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// A provider whose answers a test scripts: by default it accepts every text (provider id <c>sc-{messageId:N}</c>) and
/// remembers it; <see cref="OnSend"/> may answer instead (a refusal), throw (a transport failure or a crash), or act
/// in between (advance a clock, opt someone out); <see cref="OnFind"/> does the same for the in-doubt question.
/// </summary>
public sealed class ScriptedSmsProvider : ISmsProvider
{
    /// <summary>Texts the provider took, in order.</summary>
    public ConcurrentQueue<(Guid Id, string To, string Text)> Sent { get; } = new();

    private readonly ConcurrentDictionary<Guid, string> _ids = new();

    /// <summary>Runs before each send; a non-null answer is returned instead of accepting the text.</summary>
    public Func<Guid, string, Task<ProviderSendResult?>>? OnSend { get; set; }

    /// <summary>Runs before each in-doubt question; returns null to let the provider answer from what it took.</summary>
    public Func<Guid, string, Task>? OnFind { get; set; }

    public string Name => "scripted";

    public static string IdFor(Guid messageId) => $"sc-{messageId:N}";

    public async Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct)
    {
        if (OnSend is { } hook && await hook(messageId, to) is { } answer)
        {
            return answer;
        }
        Sent.Enqueue((messageId, to, text));
        _ids[messageId] = IdFor(messageId);
        return new ProviderSendResult(true, IdFor(messageId), null);
    }

    public async Task<string?> FindSentAsync(Guid messageId, string to, string text, DateTime queuedAtUtc, CancellationToken ct)
    {
        if (OnFind is { } hook)
        {
            await hook(messageId, to);
        }
        return _ids.TryGetValue(messageId, out var id) ? id : null;
    }

    /// <summary>Makes the provider say it has this text (as if it took it before the app died).</summary>
    public void Has(Guid messageId, string providerId) => _ids[messageId] = providerId;

    public int CountTo(string to) => Sent.Count(s => s.To == to);
}
