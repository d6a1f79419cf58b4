using Hangfire;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>Sandbox only: simulates Meta's delivery and read receipts for a reply a moment after it was "sent".</summary>
public sealed class SandboxMetaReceiptJob(InboxService inbox)
{
    public Task RunAsync(Guid messageId, CancellationToken ct) => inbox.SimulateReceiptsAsync(messageId, ct);
}
