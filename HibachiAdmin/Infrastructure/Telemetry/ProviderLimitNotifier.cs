using HibachiAdmin.Infrastructure.Live;

namespace HibachiAdmin.Infrastructure.Telemetry;

/// <summary>Tells open pages that a wait on a provider limit started or ended (key: the group), so they show it without polling.</summary>
public sealed class ProviderLimitNotifier(ILogger<ProviderLimitNotifier> logger) : ChangeNotifier<string>(logger);
