namespace HibachiAdmin.Features.Messaging;

public static class MessagingEvents
{
    public const string OptedOut = "sms.opted-out.v1";
    public const string OptedIn = "sms.opted-in.v1";
    public const string HelpRequested = "sms.help-requested.v1";
    /// <summary>A text that is not a keyword: checked for booking intent.</summary>
    public const string Received = "sms.received.v1";
}
