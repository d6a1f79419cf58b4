using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// The app on <see cref="TestClock"/>'s frozen clock with background work run by hand (<c>Hangfire:ProcessJobs=false</c>):
/// one host per test class (<see cref="IClassFixture{TFixture}"/>), each test using its own numbers (<see cref="TestPhones"/>).
/// </summary>
public sealed class FrozenAppFactory : AppFactory
{
    public FrozenAppFactory()
    {
        Time = TestClock.Frozen();
        With("Hangfire:ProcessJobs", "false");
    }
}
