namespace HibachiAdmin.Features.Alerts;

/// <summary>The app's VAPID keys (base64url P-256), generated on first run and kept in the database (one row, id 1).</summary>
public sealed class VapidKeyPair
{
    public int Id { get; set; } = 1;
    public string PublicKey { get; set; } = "";
    public string PrivateKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
