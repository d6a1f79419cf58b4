using Hangfire;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed record LeadLink(Guid LeadId, bool Created);
