namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Sends scheduled replies. Each is scheduled in Hangfire with its id when it is written; the minutely sweep sends any
/// row whose time has come that no job did (in-memory Hangfire forgets its schedule on a restart; the rows do not).
/// </summary>
public sealed class ScheduledReplyJob(ScheduledReplies inbox)
{
    public const string Id = "inbox-scheduled-replies";

    public Task SendAsync(Guid replyId, CancellationToken ct) => inbox.SendScheduledAsync(replyId, ct);

    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var id in await inbox.DueScheduledAsync(200, ct))
        {
            await inbox.SendScheduledAsync(id, ct);
        }
    }
}
