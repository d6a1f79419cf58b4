using HibachiAdmin.Infrastructure.Live;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// Tells open pages whose alerts changed (keys: user ids), after the change committed: the bell and the alerts page
/// re-read their own count and list (<see cref="ChangeNotifier{TKey}"/>, no polling).
/// </summary>
public sealed class AlertChanges(ILogger<AlertChanges> logger) : ChangeNotifier<string>(logger);
