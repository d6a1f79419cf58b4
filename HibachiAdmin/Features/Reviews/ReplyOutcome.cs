namespace HibachiAdmin.Features.Reviews;

/// <param name="Reason">
/// notFound, invalid, needsApproval, changed (the reply is no longer the version the caller read: <see cref="Review"/> is
/// what it is now), posting (a post of it is under way), providerError.
/// </param>
public sealed record ReplyOutcome(ReviewDto? Review, string? Reason = null, string? Detail = null);
