using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Google;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Reviews;

public sealed record ReviewQuery(ReviewPlatform? Platform = null, int? Rating = null, bool UnrepliedOnly = false, int Page = 1, int PageSize = 50);
