namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>Where Google reviews come from and replies go: the Business Profile API, or the sandbox.</summary>
public interface IGoogleReviewSource
{
    bool IsSandbox { get; }

    Task<GoogleReviewPage> ListAsync(string? pageToken, CancellationToken ct);

    /// <summary>updateReply: creates or replaces the reply of the review <paramref name="reviewName"/>.</summary>
    Task<GoogleReply> UpdateReplyAsync(string reviewName, string comment, CancellationToken ct);
}
