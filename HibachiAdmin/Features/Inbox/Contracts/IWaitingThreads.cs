namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>Conversations waiting for a reply since before a time (implemented by <c>InboxStatistics</c>; used by alerts).</summary>
public interface IWaitingThreads
{
    /// <summary>Threads waiting now whose wait began at or before <paramref name="startedAtOrBeforeUtc"/>, the longest wait first.</summary>
    Task<IReadOnlyList<WaitingThread>> WaitingSinceAsync(DateTime startedAtOrBeforeUtc, int max, CancellationToken ct);
}
