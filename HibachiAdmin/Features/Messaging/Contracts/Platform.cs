using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Messaging.Contracts;

public enum Platform
{
    Sms,
    Instagram,
    Facebook,
}
