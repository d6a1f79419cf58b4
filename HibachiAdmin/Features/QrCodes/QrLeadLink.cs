namespace HibachiAdmin.Features.QrCodes;

/// <summary>A lead the QR feature attributes to a code: made by its inquiry form, or by a visitor who scanned it earlier.</summary>
public sealed class QrLeadLink
{
    public long Id { get; set; }
    public Guid QrCodeId { get; set; }
    public Guid LeadId { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>"form" (the code's own inquiry form) or "visitor" (an earlier scan by the same visitor cookie).</summary>
    public string Via { get; set; } = "";
    public DateTime At { get; set; }
}
