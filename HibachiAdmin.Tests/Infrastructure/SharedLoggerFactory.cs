using Microsoft.Extensions.Logging;

namespace HibachiAdmin.Tests.Infrastructure;

/// <summary>One process-wide logger factory for test hosts (warnings and errors to the console); never disposed.</summary>
public sealed class SharedLoggerFactory : ILoggerFactory
{
    public static readonly SharedLoggerFactory Instance = new();

    private readonly ILoggerFactory _inner = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));

    public ILogger CreateLogger(string categoryName) => _inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
        // Hosts add their own providers; the shared factory keeps the console one only.
    }

    public void Dispose()
    {
        // Shared across hosts on purpose (see AppFactory).
    }
}
