using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>A private note staff leave on a thread; never sent.</summary>
public sealed class ThreadNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ThreadId { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime At { get; set; }
}
