using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>Thrown by <see cref="FaultInjector"/> in place of a database command.</summary>
public sealed class InjectedFaultException(int command) : Exception($"Injected fault at database command #{command}")
{
    public int Command { get; } = command;
}

/// <summary>
/// Counts the app's database commands and, when armed, fails them: from the Nth on (a crash at that
/// point: nothing after it reaches the database), or those matching a predicate. Register it as an
/// <see cref="IInterceptor"/> service; the app adds every such service to its contexts.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor
{
    private int _count;
    private volatile bool _counting;
    private int _failFrom = int.MaxValue;
    private volatile Func<DbCommand, bool>? _failWhen;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts counting from zero; fails nothing.</summary>
    public void StartCounting()
    {
        Interlocked.Exchange(ref _count, 0);
        Volatile.Write(ref _failFrom, int.MaxValue);
        _counting = true;
    }

    /// <summary>Counts from zero and fails command <paramref name="n"/> and every one after it.</summary>
    public void FailFrom(int n)
    {
        Interlocked.Exchange(ref _count, 0);
        Volatile.Write(ref _failFrom, n);
        _counting = true;
    }

    /// <summary>Fails every command the predicate picks (until <see cref="Disarm"/>).</summary>
    public void FailWhen(Func<DbCommand, bool> predicate) => _failWhen = predicate;

    public void Disarm()
    {
        _counting = false;
        _failWhen = null;
        Volatile.Write(ref _failFrom, int.MaxValue);
    }

    private void Check(DbCommand command)
    {
        if (_failWhen is { } when && when(command))
        {
            throw new InjectedFaultException(-1);
        }
        if (!_counting)
        {
            return;
        }
        var n = Interlocked.Increment(ref _count);
        if (n >= Volatile.Read(ref _failFrom))
        {
            throw new InjectedFaultException(n);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }
}
