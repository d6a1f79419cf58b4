using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Live;

namespace HibachiAdmin.Features.Leads;

/// <summary>
/// Tells open pages that leads changed (a drag on another screen, a new lead from a text, the booking saga's move to
/// Booked), after the change is committed (<see cref="ChangeNotifier{TKey}"/>, the pattern every live page uses).
/// </summary>
public sealed class LeadChanges(ILogger<LeadChanges> logger) : ChangeNotifier<Guid>(logger)
{
    /// <summary>For pages that reload whatever changed.</summary>
    public IDisposable Subscribe(Func<Task> onChanged) => Subscribe(_ => onChanged());

    /// <summary>Notifies once <paramref name="db"/> commits (a change made in someone else's unit of work, e.g. an outbox handler's).</summary>
    public void PublishOnSave(AppDbContext db) => AfterCommit(db);
}
