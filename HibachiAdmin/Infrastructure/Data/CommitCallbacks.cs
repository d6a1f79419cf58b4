using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Runs an action once a context's explicit transaction commits (and drops it if it rolls back). A change saved inside
/// <c>BeginTransaction … Commit</c> is not visible to other connections until the commit, so whatever tells pages to
/// re-read (<c>ChangeNotifier.AfterCommit</c>) must wait for it: a page that re-read after SaveChanges but before the
/// commit would show the old numbers and hear nothing more. Registered as an interceptor on every app context.
/// </summary>
public sealed class CommitCallbacks : DbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<Action>> Pending = new();

    /// <summary>Runs <paramref name="action"/> after <paramref name="db"/>'s current transaction commits; at once when it has none.</summary>
    public static void AfterCommit(DbContext db, Action action)
    {
        if (db.Database.CurrentTransaction is null)
        {
            action();
            return;
        }
        var list = Pending.GetOrCreateValue(db);
        lock (list)
        {
            list.Add(action);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.Context, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(eventData.Context, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, committed: false);
        return Task.CompletedTask;
    }

    private static void End(DbContext? db, bool committed)
    {
        if (db is null || !Pending.TryGetValue(db, out var list))
        {
            return;
        }
        Action[] actions;
        lock (list)
        {
            actions = [.. list];
            list.Clear();
        }
        if (committed)
        {
            foreach (var action in actions)
            {
                action();
            }
        }
    }
}
