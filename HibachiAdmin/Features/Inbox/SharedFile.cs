namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// A file an Admin uploaded for customers (the menu PDF, photos of a party), served at <c>/files/{token}</c> so a saved
/// reply can link to it. The token is random (128 bits): the address is the only key, as with the quote page's.
/// </summary>
public sealed class SharedFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Token { get; set; } = "";
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
