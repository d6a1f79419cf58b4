namespace HibachiAdmin.Tests.TestKit;

/// <summary>The demo-seeded app (<c>Seed:Demo=true</c>) behind the page smoke tests, one per test class.</summary>
public sealed class DemoAppFactory : AppFactory
{
    public DemoAppFactory() => With("Seed:Demo", "true");
}
