namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// How a campaign's recipients are shown: one human label per delivery status, and one colour per state on every chart,
/// whatever else is on it (a slice that is empty is left out, and the others keep their colours).
/// </summary>
public static class RecipientStates
{
    public const string DeliveredColour = "#2E7D32";
    public const string SentColour = "#1565C0";
    public const string FailedColour = "#C62828";
    public const string WaitingColour = "#F9A825";
    public const string SkippedColour = "#757575";
    public const string CancelledColour = "#BDBDBD";

    public static string Label(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "Waiting to send",
        DeliveryStatus.Held => "Waiting for their window",
        DeliveryStatus.Sending => "Sending",
        DeliveryStatus.Sent => "Sent",
        DeliveryStatus.Delivered => "Delivered",
        DeliveryStatus.Failed => "Failed",
        DeliveryStatus.Skipped => "Skipped",
        DeliveryStatus.Cancelled => "Cancelled",
        _ => "Unknown",
    };

    /// <summary>The non-empty slices, always in this order and each in its own colour.</summary>
    public static IReadOnlyList<DonutPart> Donut(CampaignCounts c) => new DonutPart[]
    {
        new("Delivered", c.Delivered, DeliveredColour),
        new("Sent", c.Sent, SentColour),
        new("Failed", c.Failed, FailedColour),
        new("Waiting", c.Pending + c.Held + c.Sending, WaitingColour),
        new("Skipped", c.Skipped, SkippedColour),
        new("Cancelled", c.Cancelled, CancelledColour),
    }.Where(p => p.Count > 0).ToList();
}
