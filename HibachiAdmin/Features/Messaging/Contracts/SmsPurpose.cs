namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Why a text is sent; decides which consent rules apply (Features/Messaging enforces them).</summary>
public enum SmsPurpose
{
    /// <summary>A staff reply in a conversation the customer started.</summary>
    Conversational,
    /// <summary>Booking confirmations, reminders: about a transaction the customer asked for.</summary>
    Transactional,
    /// <summary>Campaigns and review requests: needs opted-in consent.</summary>
    Marketing,
    /// <summary>The single confirmation allowed after an opt-out.</summary>
    OptOutConfirmation,
    /// <summary>The answer to HELP/INFO.</summary>
    Help,
    /// <summary>The one "Reply YES" question after someone else asked for the person to get texts (held in quiet hours, never to an opted-out number).</summary>
    ConsentRequest,
}
