using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Google;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Reviews;

public sealed record ManualReview(ReviewPlatform Platform, string ReviewerName, int Rating, string? Text, DateTime CreatedAt, string? Url);
