using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RunStrong.Web.Tests.Infrastructure;

/// <summary>
/// The warnings and errors a running test server logged, with their exceptions, so a test that meets a 500 can say
/// why (the server's console output is not shown by the test runner).
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>What the server logged at Warning or above, oldest first; "(nothing)" when it logged none.</summary>
    public string Problems() => _entries.IsEmpty ? "(nothing)" : string.Join(Environment.NewLine, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
        }
    }
}
