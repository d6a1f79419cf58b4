using HibachiAdmin.Infrastructure.Live;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Tells open campaign pages which campaigns changed (rows sent, a receipt, a start, pause, cancel or completion), after
/// the change committed (<see cref="ChangeNotifier{TKey}"/>). No keys: some campaigns changed (a completion sweep).
/// </summary>
public sealed class CampaignChanges(ILogger<CampaignChanges> logger) : ChangeNotifier<Guid>(logger);
