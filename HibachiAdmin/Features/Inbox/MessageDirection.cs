using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
