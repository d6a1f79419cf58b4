using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging.Contracts;

public enum OutboundStatus
{
    Refused,
    Queued,
    Sent,
    Delivered,
    Failed,
}
