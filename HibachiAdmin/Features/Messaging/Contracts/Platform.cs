using HibachiAdmin.Features.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging.Contracts;

public enum Platform
{
    Sms,
    Instagram,
    Facebook,
}
