using System.Text.Json;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Meta;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// A new Instagram/Facebook thread gets the person's name from the User Profile API, from the outbox
/// (never inside the notification's transaction: a slow or failing Graph call must not hold back
/// processing). Idempotent: a thread already named is left alone. The sandbox knows no names.
/// </summary>
public sealed class MetaProfileEffects(IMetaSendProvider meta, IInboundConversations inbox) : IEventHandler
{
    public const string ThreadStarted = "meta.thread-started.v1";

    public string Name => "messaging.meta-profile";

    public bool Handles(string eventType) => eventType == ThreadStarted;

    public async Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        var e = JsonSerializer.Deserialize<MetaThreadStarted>(entry.Data, EventStore.Json)!;
        if (await meta.GetNameAsync(e.Party, ct) is { } name)
        {
            await inbox.NameThreadAsync(new CrossFeatureTransaction(db), e.ThreadId, name, ct);
        }
    }
}
