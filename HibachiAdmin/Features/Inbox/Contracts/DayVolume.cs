using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox.Contracts;

public sealed record DayVolume(DateOnly Day, Platform Platform, int Inbound, int Outbound);
