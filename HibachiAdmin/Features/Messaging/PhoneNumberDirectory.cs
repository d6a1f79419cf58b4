using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// The SMS provider's numbers and their features, cached in <c>ProviderNumbers</c>: read from the provider by
/// <see cref="RefreshAsync"/> (the hourly job and the Refresh button), shown from the database. A failed read keeps the
/// last list and records why (<see cref="ProviderSyncState"/> row <see cref="StateKey"/>). The campaign problem is the
/// campaign start's own judgement (<see cref="ISmsBatchProvider.SenderProblem"/>) applied to the cached list, so the page
/// says exactly why a start would be refused.
/// </summary>
public sealed class PhoneNumberDirectory(
    IDbContextFactory<AppDbContext> dbFactory,
    ISmsProvider provider,
    TimeProvider time,
    ILogger<PhoneNumberDirectory> logger)
{
    public const string StateKey = "provider:phone-numbers";

    /// <summary>What a conversation number needs (texts to one person).</summary>
    public const string ConversationFeature = "SmsSender";

    /// <summary>Reads the numbers from the provider and replaces the cached list; false when the read failed (the reason is kept).</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        if (provider is not IPhoneNumberSource source)
        {
            return false;
        }
        IReadOnlyList<ProviderPhoneNumber>? numbers = null;
        string? error = null;
        try
        {
            numbers = await source.GetPhoneNumbersAsync(ct);
        }
        catch (RingCentralException ex)
        {
            error = $"{ex.ErrorCode}: {ex.Message}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            error = ex.Message;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await db.Set<ProviderSyncState>().FirstOrDefaultAsync(s => s.Key == StateKey, ct);
        if (state is null)
        {
            state = new ProviderSyncState { Key = StateKey };
            db.Add(state);
        }
        if (numbers is null)
        {
            logger.LogWarning("Reading the provider's phone numbers failed: {Error}", error);
            state.LastError = Limit($"{now:yyyy-MM-dd HH:mm} UTC: {error}");
        }
        else
        {
            var existing = await db.Set<ProviderNumber>().ToDictionaryAsync(n => n.Number, ct);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in numbers.Where(n => n.Number.Length is > 0 and <= 20))
            {
                if (!seen.Add(n.Number))
                {
                    continue;
                }
                if (!existing.TryGetValue(n.Number, out var row))
                {
                    row = new ProviderNumber { Number = n.Number };
                    db.Add(row);
                }
                row.ExternalId = Cut(n.ExternalId, 40);
                row.UsageType = Cut(n.UsageType, 60);
                row.Features = Cut(string.Join(',', n.Features.Where(f => f.Length > 0 && !f.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)), 1000)!;
                row.RefreshedAt = now;
            }
            db.RemoveRange(existing.Values.Where(r => !seen.Contains(r.Number)));
            state.LastSyncAt = now;
            state.LastError = null;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return numbers is not null;
    }

    /// <summary>The cached list, with what each number is used for here and what it lacks for that use.</summary>
    public async Task<PhoneNumberOverview> GetAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ProviderNumber>().AsNoTracking().OrderBy(n => n.Number).ToListAsync(ct);
        var state = await db.Set<ProviderSyncState>().AsNoTracking().FirstOrDefaultAsync(s => s.Key == StateKey, ct);
        var source = provider as IPhoneNumberSource;
        var conversation = source?.ConversationNumber;
        var campaign = source?.CampaignNumber;
        var campaignFeature = source?.CampaignFeature;
        var list = rows.Select(r => Row(r.Number, r.UsageType, r.FeatureList, onAccount: true)).ToList();
        if (state?.LastSyncAt is not null)
        {
            // A configured number the account does not have is listed too: it is the reason texts would fail.
            foreach (var missing in new[] { conversation, campaign }.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)
                .Where(n => rows.All(r => r.Number != n)))
            {
                list.Add(Row(missing, null, [], onAccount: false));
            }
        }
        string? campaignProblem = null;
        if (provider is ISmsBatchProvider batches)
        {
            campaignProblem = state?.LastSyncAt is null
                ? "The numbers have not been read from the provider yet: press Refresh."
                : batches.SenderProblem([.. rows.Select(r => new ProviderPhoneNumber(r.Number, r.ExternalId, r.UsageType, r.FeatureList))]);
        }
        return new PhoneNumberOverview(list, state?.LastSyncAt, state?.LastError, campaignProblem);

        PhoneNumberRow Row(string number, string? usage, IReadOnlyList<string> features, bool onAccount)
        {
            var isConversation = number == conversation;
            var isCampaign = number == campaign;
            var needs = new List<string>();
            if (!onAccount)
            {
                needs.Add("This number is configured here but is not on the provider account: add it to the account, or configure one of the account's numbers.");
            }
            else
            {
                if (isConversation && !features.Contains(ConversationFeature, StringComparer.Ordinal))
                {
                    needs.Add($"Enable SMS on this number ({ConversationFeature}): replies and reminders go from it.");
                }
                if (isCampaign && campaignFeature is not null && !features.Contains(campaignFeature, StringComparer.Ordinal))
                {
                    needs.Add($"Register it for High Volume SMS ({campaignFeature}): a 10DLC brand and campaign (or toll-free verification), then ask RingCentral to enable High Volume SMS on it. Until then campaigns refuse to start.");
                }
            }
            return new PhoneNumberRow(number, usage, features, isConversation, isCampaign, onAccount, needs.Count == 0 ? null : string.Join(" ", needs));
        }
    }

    private static string? Cut(string? value, int max) => value is null ? null : value.Length > max ? value[..max] : value;

    private static string Limit(string value) => value.Length > 500 ? value[..500] : value;
}
