using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed record NoteView(Guid Id, string Text, string Author, DateTime At);
