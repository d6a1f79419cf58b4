using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Leads;

/// <summary>
/// Tells open pages that leads changed (a drag on another screen, a new lead from a text, the booking
/// saga's move to Booked), after the change is committed. Pages subscribe and dispose the subscription.
/// </summary>
public sealed class LeadChanges(ILogger<LeadChanges> logger)
{
    private const string HookKey = "lead-changes-hook";
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _subscribers = [];

    public IDisposable Subscribe(Func<Task> onChanged)
    {
        lock (_gate)
        {
            _subscribers.Add(onChanged);
        }
        return new Subscription(this, onChanged);
    }

    /// <summary>Notifies every subscriber now (the change is already committed).</summary>
    public void Publish()
    {
        Func<Task>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }
        foreach (var subscriber in subscribers)
        {
            _ = NotifyAsync(subscriber);
        }
    }

    /// <summary>Notifies once <paramref name="db"/> commits (a change made in someone else's unit of work, e.g. an outbox handler's).</summary>
    public void PublishOnSave(AppDbContext db)
    {
        if (UnitOfWorkCache.TryGet<object>(db, HookKey, out _))
        {
            return;
        }
        UnitOfWorkCache.Set<object>(db, HookKey, this);
        db.SavedChanges += (_, _) => Publish();
    }

    private async Task NotifyAsync(Func<Task> subscriber)
    {
        try
        {
            await subscriber();
        }
        catch (Exception ex)
        {
            // A page that went away or failed to reload must not break the writer.
            logger.LogDebug(ex, "A lead-change subscriber failed");
        }
    }

    private sealed class Subscription(LeadChanges owner, Func<Task> subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._subscribers.Remove(subscriber);
            }
        }
    }
}
