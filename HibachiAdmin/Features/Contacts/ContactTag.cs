namespace HibachiAdmin.Features.Contacts;

/// <summary>A tag on a contact; a row per tag so audience filters run in SQL on any provider.</summary>
public sealed class ContactTag
{
    public Guid ContactId { get; set; }
    /// <summary>Normalized: trimmed, lower case.</summary>
    public string Tag { get; set; } = "";
}
