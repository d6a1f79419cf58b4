using HibachiAdmin.Infrastructure.Live;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Live inbox updates for open pages: the ids of threads that got a message, a receipt, a status or an assignee,
/// announced after the change committed (<see cref="ChangeNotifier{TKey}"/>, the pattern every live page uses).
/// </summary>
public sealed class InboxNotifier(ILogger<InboxNotifier> logger) : ChangeNotifier<Guid>(logger);
