using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>A clock a test may set to any instant, also backwards (to write a history out of order); unset, it runs as a <see cref="FakeTimeProvider"/>.</summary>
public sealed class SettableClock : FakeTimeProvider
{
    public DateTimeOffset? At { get; set; }

    public void Set(DateTimeOffset at) => At = at;

    public override DateTimeOffset GetUtcNow() => At ?? base.GetUtcNow();
}
