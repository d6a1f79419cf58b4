using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>A Message Sync answer: the changed records and the cursor for the next incremental read.</summary>
public sealed record RingCentralSyncPage(IReadOnlyList<RingCentralMessageState> Records, string? SyncToken, bool OlderRecordsExist);
