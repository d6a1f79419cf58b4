using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Messaging.Contracts;

public enum Platform
{
    [System.ComponentModel.Description("SMS")]
    Sms,
    Instagram,
    Facebook,
}
