using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Inbox.Contracts;

public sealed record DayVolume(DateOnly Day, Platform Platform, int Inbound, int Outbound);
