using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>
/// A client-side budget for one kind of RingCentral request, inside one of RingCentral's usage-plan groups
/// (https://developers.ringcentral.com/guide/basics/rate-limits: Light 50, Medium 40, Heavy 10, Auth 5 requests a
/// minute per user and app). Sends and status reads have separate lanes, so a backlog of one never spends the
/// other's allowance; lanes that share a group split its limit.
/// </summary>
/// <param name="Name">sms (person-to-person sends), a2p (High Volume batches and opt-out writes), status (Message Sync,
/// High Volume message and opt-out lists), other (subscriptions, message-store look-ups), heavy (recordings).</param>
/// <param name="Group">RingCentral's group, as its <c>X-Rate-Limit-Group</c> header names it (lower case).</param>
public sealed record RingCentralLane(string Name, string Group, int PerMinute);
