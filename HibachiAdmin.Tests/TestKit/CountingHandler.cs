using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>Counts effects per event; can be told to fail an event type a number of times.</summary>
public sealed class CountingHandler : IEventHandler
{
    public ConcurrentDictionary<Guid, int> Effects { get; } = new();
    public int FailuresLeft;
    /// <summary>Events that always fail (poison), whatever <see cref="FailuresLeft"/> says.</summary>
    public ConcurrentDictionary<Guid, bool> Poison { get; } = new();
    public string FailureMessage { get; set; } = "simulated handler failure";

    public string Name { get; init; } = "test.counting";

    /// <summary>Runs inside HandleAsync after the failure checks (e.g. to play another dispatcher finishing first).</summary>
    public Func<OutboxEntry, Task>? OnHandle { get; set; }

    public bool Handles(string eventType) => eventType.StartsWith("test.", StringComparison.Ordinal);

    public Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        if (Poison.ContainsKey(entry.EventId) || Interlocked.Decrement(ref FailuresLeft) >= 0)
        {
            throw new InvalidOperationException(FailureMessage);
        }
        Effects.AddOrUpdate(entry.EventId, 1, (_, n) => n + 1);
        return OnHandle?.Invoke(entry) ?? Task.CompletedTask;
    }
}
