using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

public enum OutboundStatus
{
    Refused,
    Queued,
    Sent,
    Delivered,
    Failed,
}
