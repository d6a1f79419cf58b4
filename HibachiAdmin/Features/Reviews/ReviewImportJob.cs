using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Google;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Reviews;

/// <summary>Imports recent Google reviews (hourly) and re-reads every page nightly, since Google's paging can drop reviews after the first page.</summary>
public sealed class ReviewImportJob(ReviewService reviews)
{
    public const string Id = nameof(ReviewImportJob);
    public const string FullId = nameof(ReviewImportJob) + ".Full";

    public Task RunAsync(CancellationToken ct) => reviews.ImportGoogleAsync(full: false, ct);

    public Task RunFullAsync(CancellationToken ct) => reviews.ImportGoogleAsync(full: true, ct);
}
