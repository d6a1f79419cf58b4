using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed partial class InboxService : IWaitingThreads
{
    public async Task<IReadOnlyList<WaitingThread>> WaitingSinceAsync(DateTime startedAtOrBeforeUtc, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConversationThread>().AsNoTracking()
            .Where(WaitingRule.At(time.GetUtcNow().UtcDateTime))
            .Where(t => t.WaitingSince <= startedAtOrBeforeUtc)
            .OrderBy(t => t.WaitingSince).ThenBy(t => t.Id)
            .Take(max)
            .Select(t => new WaitingThread(t.Id, t.ContactId, t.Title, t.Platform, t.WaitingSince!.Value, t.LastMessagePreview))
            .ToListAsync(ct);
    }
}
