namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// The one seam through which a transaction spans features. Its owner opens the context, wraps it here,
/// and saves it once: the inbound batch (<c>ProcessInboundEventJob</c>: a batch of stored provider
/// notifications is all or nothing, so the contact and its consent change (Contacts), the message in its
/// thread (Inbox), the call log (Calls), the processed marks and the outbox rows commit together), an
/// outbox handler (its changes commit with its processed mark), the QR inquiry form and the booking saga.
/// A feature's contract method that must write inside someone else's transaction takes this type, never
/// a bare <see cref="AppDbContext"/>: it adds or changes its own rows through <see cref="Db"/> and never
/// saves, commits or disposes it.
/// </summary>
public sealed class CrossFeatureTransaction(AppDbContext db)
{
    /// <summary>The owner's context. Add and change rows; never call SaveChanges on it.</summary>
    public AppDbContext Db { get; } = db;
}
