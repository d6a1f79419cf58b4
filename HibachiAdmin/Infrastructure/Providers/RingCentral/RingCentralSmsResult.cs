using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public sealed record RingCentralSmsResult(string Id, string MessageStatus);
