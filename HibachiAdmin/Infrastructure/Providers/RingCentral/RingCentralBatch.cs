using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public sealed record RingCentralBatch(string Id, string Status, IReadOnlyList<RingCentralRejected> Rejected);
