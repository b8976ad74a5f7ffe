using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// Writes the host's errors (with exceptions) to <c>host-errors.log</c> in the test output directory, so a failing
/// request's 500 can be read after the run; the test runner does not show the host's console.
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "host-errors.log");
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public static void Write(string source, string message, Exception? exception)
    {
        var entry = $"{DateTime.UtcNow:O} {source}: {message}{Environment.NewLine}{exception}{Environment.NewLine}";
        lock (Gate) File.AppendAllText(Path, entry);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Polly reports each handled retry as an error; tests stop render servers under running jobs on purpose,
        // and those reports would bury the errors that explain a failure. A job that finally fails is still logged.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && !category.StartsWith("Polly", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            Write($"{logLevel} {category}", formatter(state, exception), exception);
        }
    }
}
