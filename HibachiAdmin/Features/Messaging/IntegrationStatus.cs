using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Messaging;

public sealed record IntegrationStatus(string SmsProvider, bool RingCentralConfigured, bool VerificationTokenSet, string? FromNumber, string? TokenCheck, SubscriptionInfo? Subscription);
