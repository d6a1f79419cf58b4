using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Reviews;

public sealed record ManualReview(ReviewPlatform Platform, string ReviewerName, int Rating, string? Text, DateTime CreatedAt, string? Url);
