using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Live;

/// <summary>
/// The one pattern for live pages: a singleton per feature (inbox threads, leads, campaigns) that tells open pages
/// which keys changed, after the change is committed. A writer either publishes after its own commit
/// (<see cref="Publish"/>) or, inside someone else's unit of work, asks to publish once that unit of work saves
/// (<see cref="AfterCommit"/>), so a page never reloads before the data is there. Pages subscribe in
/// <c>OnAfterRenderAsync(firstRender)</c>, reload through <c>InvokeAsync</c> and dispose the subscription (see
/// <c>docs/architecture.md</c>, "Live pages"). Nothing polls: a page re-reads only when told, and reads only what it shows.
/// </summary>
/// <typeparam name="TKey">What changed (a thread id, a lead id, a campaign id).</typeparam>
public abstract class ChangeNotifier<TKey>(ILogger logger)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<Guid, Func<IReadOnlyCollection<TKey>, Task>> _subscribers = new();

    /// <summary>Calls <paramref name="onChange"/> with the changed keys after every committed change, until disposed.</summary>
    public IDisposable Subscribe(Func<IReadOnlyCollection<TKey>, Task> onChange)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = onChange;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Tells every subscriber now (the change is already committed). No keys: "something changed".</summary>
    public void Publish(params TKey[] keys)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            _ = InvokeAsync(subscriber, keys);
        }
    }

    /// <summary>
    /// Publishes <paramref name="keys"/> once <paramref name="db"/>'s next SaveChanges has committed (one publish per save;
    /// inside an explicit transaction, when that commits: <see cref="CommitCallbacks"/>).
    /// </summary>
    public void AfterCommit(DbContext db, params TKey[] keys)
    {
        var cacheKey = GetType().FullName!;
        if (!UnitOfWorkCache.TryGet<HashSet<TKey>>(db, cacheKey, out var pending) || pending is null)
        {
            pending = [];
            UnitOfWorkCache.Set(db, cacheKey, pending);
            var set = pending;
            var armed = true;
            db.SavedChanges += (_, _) =>
            {
                TKey[] ids;
                lock (set)
                {
                    if (!armed)
                    {
                        return;
                    }
                    ids = [.. set];
                    set.Clear();
                    armed = false;
                }
                // Inside an explicit transaction the change is visible to pages only once it commits.
                CommitCallbacks.AfterCommit(db, () => Publish(ids));
            };
            // A later AfterCommit on the same context re-arms it (see below).
            UnitOfWorkCache.Set(db, cacheKey + ":arm", new Action(() => armed = true));
        }
        lock (pending)
        {
            foreach (var key in keys)
            {
                pending.Add(key);
            }
            if (UnitOfWorkCache.TryGet<Action>(db, cacheKey + ":arm", out var arm))
            {
                arm!();
            }
        }
    }

    private async Task InvokeAsync(Func<IReadOnlyCollection<TKey>, Task> subscriber, IReadOnlyCollection<TKey> keys)
    {
        try
        {
            await subscriber(keys);
        }
        catch (Exception ex)
        {
            // A page that went away or failed to reload must not break the writer.
            logger.LogDebug(ex, "A live-page subscriber of {Notifier} failed", GetType().Name);
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
