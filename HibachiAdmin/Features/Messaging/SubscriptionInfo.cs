using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Messaging;

public sealed record SubscriptionInfo(string ExternalId, string Address, string Status, DateTime? ExpiresAt);
