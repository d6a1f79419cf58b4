using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>Shared state between contributors (e.g. the contacts made first, for leads to use).</summary>
public sealed class DemoSeedContext(TimeProvider time)
{
    public Random Random { get; } = new(20261124);
    public DateTime UtcNow { get; } = time.GetUtcNow().UtcDateTime;
    public Dictionary<string, object> Items { get; } = [];
}
