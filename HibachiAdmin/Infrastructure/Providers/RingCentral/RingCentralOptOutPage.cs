using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public sealed record RingCentralOptOutPage(IReadOnlyList<RingCentralOptOut> Records, string? NextPageToken);
