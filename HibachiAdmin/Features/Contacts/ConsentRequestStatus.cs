namespace HibachiAdmin.Features.Contacts;

public enum ConsentRequestStatus
{
    /// <summary>The confirmation text waits to go out (at <see cref="ConsentRequest.DueAt"/>, inside the person's sending hours).</summary>
    Scheduled = 0,
    Sent = 1,
    /// <summary>No text: the person had answered, opted out, or was asked enough already (see <see cref="ConsentRequest.Outcome"/>).</summary>
    NotSent = 2,
}
