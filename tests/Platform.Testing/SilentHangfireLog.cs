using Hangfire.Logging;

namespace Platform.Testing;

/// <summary>
/// Hangfire's log provider is process-wide: left pointing at a disposed test host's logger factory, it makes every
/// other host's workers fail. Test hosts share this one instead, which keeps only Hangfire's warnings and errors (a
/// failing job's exception) in <see cref="ErrorLog"/>'s file; one host per process, as in production, keeps Hangfire
/// logging through ASP.NET Core.
/// </summary>
public sealed class SilentHangfireLog : ILogProvider
{
    public ILog GetLogger(string name) => new Log(name);

    private sealed class Log(string name) : ILog
    {
        bool ILog.Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception)
        {
            if (logLevel < LogLevel.Warn) return false;
            if (messageFunc is not null) ErrorLog.Write($"Hangfire {logLevel} {name}", messageFunc(), exception);
            return true;
        }
    }
}
