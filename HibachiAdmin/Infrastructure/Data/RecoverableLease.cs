using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// A leased work table whose leases <see cref="LeaseRecovery"/> gives back when their owner is gone, and how to
/// resume its work at once afterwards (e.g. enqueue its drain job). Each feature registers its own tables.
/// </summary>
public sealed record RecoverableLease(LeaseTable Table, Action<IBackgroundJobClient>? Resume = null);
