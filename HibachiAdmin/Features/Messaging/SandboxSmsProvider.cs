using Hangfire;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// The default provider: nothing leaves the machine. The message row is the record; delivery receipts
/// are simulated a moment later by <see cref="SandboxReceiptJob"/> (Sent, then Delivered, or Failed for
/// the configured demo numbers), through the same status path real receipts take.
/// </summary>
public sealed class SandboxSmsProvider(IBackgroundJobClient jobs, IConfiguration configuration) : ISmsProvider, IPhoneNumberSource
{
    /// <summary>The sandbox's one simulated number when RingCentral:FromNumber is unset (a fictional 555-01xx number).</summary>
    public const string DefaultNumber = "+12125550147";

    /// <summary>What the sandbox's number may do: everything a fully registered RingCentral number may.</summary>
    public static readonly IReadOnlyList<string> Features = ["SmsSender", "A2PSmsSender", "CallerId"];

    public string Name => "sandbox";

    public string? ConversationNumber => configuration["RingCentral:FromNumber"] is { Length: > 0 } n ? n : DefaultNumber;

    public string? CampaignNumber => configuration["RingCentral:CampaignFromNumber"] is { Length: > 0 } n ? n : ConversationNumber;

    /// <summary>Sandbox campaigns go one text at a time: no feature is needed.</summary>
    public string? CampaignFeature => null;

    public Task<IReadOnlyList<ProviderPhoneNumber>> GetPhoneNumbersAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProviderPhoneNumber>>(
            [.. new[] { ConversationNumber!, CampaignNumber! }.Distinct(StringComparer.Ordinal).Select(n => new ProviderPhoneNumber(n, "sandbox", "Sandbox", Features))]);

    // What "reached the provider" in this process; after a restart nothing the dead process was about
    // to send had left the machine, so a recovery sends it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _accepted = new();

    public Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct)
    {
        jobs.Schedule<SandboxReceiptJob>(j => j.RunAsync(messageId, CancellationToken.None), TimeSpan.FromSeconds(1));
        var id = $"sandbox-{messageId:N}";
        _accepted[messageId] = id;
        return Task.FromResult(new ProviderSendResult(true, id, null));
    }

    public Task<string?> FindSentAsync(Guid messageId, string to, string text, DateTime queuedAtUtc, CancellationToken ct) =>
        Task.FromResult(_accepted.TryGetValue(messageId, out var id) ? id : null);
}
