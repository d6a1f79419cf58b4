namespace HibachiAdmin.Features.Calls.Contracts;

/// <summary>What other features may ask of Calls (implemented by <c>CallService</c>).</summary>
public interface ICallService
{
    Task<IReadOnlyList<CallRow>> ForContactAsync(Guid contactId, int max, CancellationToken ct);
    Task<int> CountMissedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
