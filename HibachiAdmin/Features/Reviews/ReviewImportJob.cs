namespace HibachiAdmin.Features.Reviews;

/// <summary>Imports recent Google reviews (hourly) and re-reads every page nightly, since Google's paging can drop reviews after the first page.</summary>
public sealed class ReviewImportJob(ReviewService reviews)
{
    public const string Id = nameof(ReviewImportJob);
    public const string FullId = nameof(ReviewImportJob) + ".Full";

    public Task RunAsync(CancellationToken ct) => reviews.ImportGoogleAsync(full: false, ct);

    public Task RunFullAsync(CancellationToken ct) => reviews.ImportGoogleAsync(full: true, ct);
}
