namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Turns at SQLite's one write lock between a writer that must answer quickly (webhook ingest, which holds a provider's
/// request open until its rows commit) and bulk writers (a big campaign start's chunks). SQLite's busy handler lets a
/// waiting writer sleep (1, 2, 5 … 100 ms) between tries, so a bulk writer that begins its next transaction right after
/// committing the last one takes the lock again and again while the webhook waits (measured: p99 1.5 s during a
/// 50,000-row start). A bulk writer calls <see cref="YieldAsync"/> between its transactions: if an urgent writer is
/// waiting, it waits until that writer has committed once (bounded), then goes on. Harmless on PostgreSQL (row locks):
/// the wait ends at the urgent writer's next commit.
/// </summary>
public sealed class WriteTurns
{
    private int _urgentWaiting;
    private long _urgentCommits;

    /// <summary>How often a bulk writer gave way (diagnostics, tests).</summary>
    public long Yields => Interlocked.Read(ref _yields);

    private long _yields;

    /// <summary>An urgent writer is about to write: held from before its transaction until it commits or fails.</summary>
    public IDisposable Urgent()
    {
        Interlocked.Increment(ref _urgentWaiting);
        return new Turn(this);
    }

    /// <summary>Between two bulk transactions: lets a waiting urgent writer commit first, waiting at most <paramref name="max"/>.</summary>
    public async Task YieldAsync(TimeSpan max, CancellationToken ct)
    {
        if (Volatile.Read(ref _urgentWaiting) == 0)
        {
            return;
        }
        Interlocked.Increment(ref _yields);
        var commits = Interlocked.Read(ref _urgentCommits);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _urgentWaiting) > 0 && Interlocked.Read(ref _urgentCommits) == commits
            && System.Diagnostics.Stopwatch.GetElapsedTime(start) < max)
        {
            await Task.Delay(1, ct);
        }
    }

    private sealed class Turn(WriteTurns turns) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Increment(ref turns._urgentCommits);
                Interlocked.Decrement(ref turns._urgentWaiting);
            }
        }
    }
}
