using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>
/// A bulk writer (a big campaign start) gives way between its transactions to a webhook write waiting for the database:
/// it goes on at once when nobody waits, and otherwise when that write has committed (or after its bound).
/// </summary>
public sealed class BulkWritesGiveWayTests
{
    [Fact]
    public async Task A_bulk_writer_goes_on_at_once_when_no_urgent_write_waits_and_otherwise_after_that_write_commits()
    {
        var turns = new WriteTurns();
        Assert.True(turns.YieldAsync(TimeSpan.FromMinutes(5), default).IsCompleted);
        Assert.Equal(0, turns.Yields);

        var urgent = turns.Urgent();
        var yielding = turns.YieldAsync(TimeSpan.FromMinutes(5), default);
        Assert.False(yielding.IsCompleted);
        Assert.Equal(1, turns.Yields);
        urgent.Dispose();
        await yielding.WaitAsync(TimeSpan.FromMinutes(1));
        urgent.Dispose(); // a second dispose (commit, then finally) counts once
        Assert.True(turns.YieldAsync(TimeSpan.FromMinutes(5), default).IsCompleted);

        // A steady stream of urgent writes: the bulk writer waits for one commit, not for the stream to end.
        var first = turns.Urgent();
        var stream = turns.YieldAsync(TimeSpan.FromMinutes(5), default);
        var second = turns.Urgent();
        first.Dispose();
        await stream.WaitAsync(TimeSpan.FromMinutes(1));
        second.Dispose();

        // Bounded: a write that never commits does not hold the bulk writer for ever.
        using var stuck = turns.Urgent();
        await turns.YieldAsync(TimeSpan.FromMilliseconds(20), default).WaitAsync(TimeSpan.FromMinutes(1));
    }
}
