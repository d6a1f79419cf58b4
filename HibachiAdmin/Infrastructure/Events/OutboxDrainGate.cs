namespace HibachiAdmin.Infrastructure.Events;

/// <summary>
/// Coalesces dispatch requests in one process: a request while a drain runs makes that drain go round
/// once more instead of starting a second one (which would only compete for the same rows). Unlike
/// Hangfire's DisableConcurrentExecution it never fails a job, and it does not serialize instances.
/// </summary>
public sealed class OutboxDrainGate
{
    private int _running;
    private int _requested;

    public async Task RunAsync(Func<CancellationToken, Task> drain, CancellationToken ct)
    {
        Interlocked.Exchange(ref _requested, 1);
        while (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            try
            {
                while (Interlocked.Exchange(ref _requested, 0) == 1)
                {
                    await drain(ct);
                }
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
            // A request that arrived after the last check but before the release must not be lost.
            if (Volatile.Read(ref _requested) == 0)
            {
                return;
            }
        }
    }
}
