using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed record DayVolume(DateOnly Day, Platform Platform, int Inbound, int Outbound);
