namespace HibachiAdmin.Features.Messaging;

/// <summary>The cached numbers of the SMS provider's account, when they were read, and why campaigns would refuse to start.</summary>
/// <param name="RefreshedAt">The last successful read (UTC); null: never read.</param>
/// <param name="LastError">Why the last read failed (the list shown is the one read before).</param>
/// <param name="CampaignProblem">Why a campaign start is refused with these numbers (the start check's own words), or null.</param>
public sealed record PhoneNumberOverview(IReadOnlyList<PhoneNumberRow> Numbers, DateTime? RefreshedAt, string? LastError, string? CampaignProblem);
