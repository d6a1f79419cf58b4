using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public sealed record RingCentralMessagePage(IReadOnlyList<RingCentralMessageState> Records, string? NextPageToken);
