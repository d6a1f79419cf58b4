namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Who wrote a reply sent through the API (<c>"writtenBy"</c>). Meta lets only a reply a person wrote go out
/// after its 24-hour window (tagged HUMAN_AGENT), so an API reply is a script's unless the caller says a
/// person wrote it, and only callers who answer for that may say so (<see cref="InboxEndpoints"/>).
/// </summary>
public enum ReplyWriter
{
    /// <summary>The default: an integration or automation. Stored as automated; never tagged HUMAN_AGENT.</summary>
    Script,
    /// <summary>A person typed it; the signed-in account stating it is recorded as the sender.</summary>
    Person,
}
