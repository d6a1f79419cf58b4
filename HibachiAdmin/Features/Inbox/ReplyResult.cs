using Hangfire;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <param name="Reason">Stable word when not sent: notFound, optedOut, noConsent, outsideWindow, providerError, …</param>
/// <param name="Detail">What to tell the person (the provider's own words for provider errors).</param>
public sealed record ReplyResult(bool Sent, string? Reason = null, string? Detail = null, Guid? MessageId = null);
