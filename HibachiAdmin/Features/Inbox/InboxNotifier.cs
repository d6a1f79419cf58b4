using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Live inbox updates for open pages. Changes are announced only after the unit of work that made them
/// committed (<see cref="AfterCommit"/>), so a page never reloads before the data is there. Pages
/// subscribe in OnAfterRenderAsync and dispose the subscription.
/// </summary>
public sealed class InboxNotifier(ILogger<InboxNotifier> logger)
{
    private readonly ConcurrentDictionary<Guid, Func<InboxChange, Task>> _subscribers = new();

    public IDisposable Subscribe(Func<InboxChange, Task> onChange)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = onChange;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public int SubscriberCount => _subscribers.Count;

    public void Publish(params Guid[] threadIds)
    {
        var change = new InboxChange(threadIds);
        foreach (var subscriber in _subscribers.Values)
        {
            _ = InvokeAsync(subscriber, change);
        }
    }

    private async Task InvokeAsync(Func<InboxChange, Task> subscriber, InboxChange change)
    {
        try
        {
            await subscriber(change);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "An inbox subscriber failed");
        }
    }

    /// <summary>Publishes <paramref name="threadId"/> once <paramref name="db"/>'s next SaveChanges has committed.</summary>
    public void AfterCommit(DbContext db, Guid threadId)
    {
        if (!UnitOfWorkCache.TryGet<HashSet<Guid>>(db, nameof(InboxNotifier), out var pending) || pending is null)
        {
            pending = [];
            UnitOfWorkCache.Set(db, nameof(InboxNotifier), pending);
            var set = pending;
            db.SavedChanges += (_, _) =>
            {
                Guid[] ids;
                lock (set)
                {
                    ids = [.. set];
                    set.Clear();
                }
                if (ids.Length > 0)
                {
                    Publish(ids);
                }
            };
        }
        lock (pending)
        {
            pending.Add(threadId);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
