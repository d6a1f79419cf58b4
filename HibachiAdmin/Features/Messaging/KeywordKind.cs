namespace HibachiAdmin.Features.Messaging;

public enum KeywordKind
{
    None,
    OptOut,
    OptIn,
    Help,
    /// <summary>Looks like a keyword but reads as something else ("Cancel my appointment"): a person should look.</summary>
    Review,
}
