using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>A recipient the provider refused (e.g. High Volume's <c>rejected[]</c>) is recorded with the provider's own reason.</summary>
internal static class CampaignProviderReasons
{
    /// <param name="failed">Rows the provider refused (their status becomes Failed), with their texts.</param>
    public static async Task RecordAsync(ISmsBatches sms, List<(CampaignDelivery Row, Guid MessageId)> failed, CancellationToken ct)
    {
        // Person-to-person failures keep the stable word; High Volume's rejections carry RingCentral's code and words.
        if (failed.Count == 0 || !sms.SendsMarketingInBatches)
        {
            return;
        }
        var statuses = await sms.GetStatusesAsync(failed.Select(f => f.MessageId), ct);
        foreach (var (row, id) in failed)
        {
            if (statuses.TryGetValue(id, out var s) && s.Error is { Length: > 0 } error)
            {
                var reason = $"{row.Reason}: {error}";
                row.Reason = reason.Length > 200 ? reason[..200] : reason;
            }
        }
    }
}
