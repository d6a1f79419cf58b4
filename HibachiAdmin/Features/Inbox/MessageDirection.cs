namespace HibachiAdmin.Features.Inbox;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
