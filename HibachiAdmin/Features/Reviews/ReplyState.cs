namespace HibachiAdmin.Features.Reviews;

/// <summary>
/// Where our reply stands. Google replies are posted by the app (Posting → Posted, or Failed with the error);
/// Yelp and Facebook replies are written here and posted by hand on the site (Manual).
/// </summary>
public enum ReplyState
{
    None,
    Draft,
    /// <summary>A reply to a rating of 3 or less waits for a manager's approval before it goes out.</summary>
    AwaitingApproval,
    Posting,
    Posted,
    Failed,
    /// <summary>Yelp/Facebook: the platform has no reply API; staff copy the text to the site.</summary>
    Manual,
}
