namespace HibachiAdmin.Features.Inbox;

public sealed record ThreadDetail(ThreadSummary Thread, IReadOnlyList<MessageView> Messages, IReadOnlyList<NoteView> Notes, WindowState Window);
