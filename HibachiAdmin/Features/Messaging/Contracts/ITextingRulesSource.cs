namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>The texting-hours rules in force now: the shipped table, <c>Compliance:Policy</c> and the Admins' tightenings.</summary>
public interface ITextingRulesSource
{
    Task<TextingRules> CurrentAsync(CancellationToken ct);
}
