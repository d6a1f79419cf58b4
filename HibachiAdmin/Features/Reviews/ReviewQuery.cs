using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Reviews;

public sealed record ReviewQuery(ReviewPlatform? Platform = null, int? Rating = null, bool UnrepliedOnly = false, int Page = 1, int PageSize = 50);
