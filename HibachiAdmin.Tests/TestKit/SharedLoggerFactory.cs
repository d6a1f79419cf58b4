using Microsoft.Extensions.Logging;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>One process-wide logger factory for test hosts (warnings and errors to the console); never disposed.</summary>
public sealed class SharedLoggerFactory : ILoggerFactory
{

    private readonly ILoggerFactory _inner = LoggerFactory.Create(b => b.AddSimpleConsole().AddProvider(Captured).SetMinimumLevel(LogLevel.Warning));

    /// <summary>The latest errors logged by any test host, for tests that require a failure to be logged.</summary>
    public static readonly ErrorCapture Captured = new();

    // After Captured: static fields initialize in order, and the factory uses it.
    public static readonly SharedLoggerFactory Instance = new();

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

/// <summary>Keeps the last few hundred error messages (category: message, exception type).</summary>
public sealed class ErrorCapture : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Errors => _errors.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            owner._errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
            while (owner._errors.Count > 500 && owner._errors.TryDequeue(out _))
            {
            }
        }
    }
}
