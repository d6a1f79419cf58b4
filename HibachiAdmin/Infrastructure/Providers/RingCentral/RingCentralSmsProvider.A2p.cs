using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>
/// Campaigns through RingCentral High Volume SMS: up to 10,000 recipients per request, each with their own text. The
/// answer names a batch, not per-text ids: an accepted text is found later by <see cref="A2pKey"/> (batch and number)
/// until an event or the message list gives its own id. Recipients RingCentral refuses at once come back with its code.
/// </summary>
public sealed partial class RingCentralSmsProvider : ISmsBatchProvider
{
    /// <summary>The feature a number needs to send High Volume SMS.</summary>
    public const string A2pFeature = "A2PSmsSender";

    public int MaxBatchSize => RingCentralClient.A2pMaxBatch;

    /// <summary>How an accepted High Volume text is found before RingCentral names its id.</summary>
    public static string A2pKey(string batchId, string to) => $"a2p:{batchId}:{to}";

    public async Task<IReadOnlyList<BatchTextResult>> SendBatchAsync(IReadOnlyList<BatchText> texts, CancellationToken ct)
    {
        var results = new List<BatchTextResult>(texts.Count);
        foreach (var chunk in texts.Chunk(MaxBatchSize))
        {
            try
            {
                var batch = await services.GetRequiredService<RingCentralClient>().CreateA2pBatchAsync([.. chunk.Select(t => (t.To, t.Text))], ct);
                var rejected = batch.Rejected.Where(r => r.Index >= 1 && r.Index <= chunk.Length).ToDictionary(r => r.Index - 1);
                for (var i = 0; i < chunk.Length; i++)
                {
                    results.Add(rejected.TryGetValue(i, out var r)
                        ? new BatchTextResult(false, null, batch.Id, $"{r.ErrorCode}: {r.Description ?? "rejected by RingCentral High Volume SMS"}")
                        : new BatchTextResult(true, A2pKey(batch.Id, chunk[i].To), batch.Id, null));
                }
            }
            catch (RingCentralException ex)
            {
                // The request was refused as a whole (a 4xx, or 429 after retries): nothing of it was sent.
                results.AddRange(chunk.Select(_ => new BatchTextResult(false, null, null, Describe(ex))));
            }
        }
        return results;
    }

    public async Task<string?> CheckBatchSenderAsync(CancellationToken ct)
    {
        if (CampaignNumber is not { Length: > 0 })
        {
            return SenderProblem([]);
        }
        IReadOnlyList<ProviderPhoneNumber> numbers;
        try
        {
            numbers = await GetPhoneNumbersAsync(ct);
        }
        catch (RingCentralException ex)
        {
            return $"Could not read the features of {CampaignNumber} from RingCentral: {Describe(ex)}";
        }
        return SenderProblem(numbers);
    }

    public string? SenderProblem(IReadOnlyList<ProviderPhoneNumber> numbers)
    {
        if (CampaignNumber is not { Length: > 0 } number)
        {
            return $"No campaign number: set RingCentral:CampaignFromNumber (or RingCentral:FromNumber) to a number with the {A2pFeature} feature.";
        }
        if (numbers.FirstOrDefault(n => n.Number == number) is not { } found)
        {
            return $"The campaign number {number} does not belong to this RingCentral extension, so it cannot send High Volume SMS ({A2pFeature}).";
        }
        var features = found.Features;
        return features.Contains(A2pFeature, StringComparer.Ordinal)
            ? null
            : $"The campaign number {number} lacks the {A2pFeature} feature (it has: {(features.Count == 0 ? "none" : string.Join(", ", features))}). Register it for High Volume SMS at RingCentral, or set RingCentral:CampaignFromNumber to a number that has {A2pFeature}.";
    }
}
