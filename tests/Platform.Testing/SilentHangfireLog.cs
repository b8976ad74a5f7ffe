using Hangfire.Logging;

namespace Platform.Testing;

/// <summary>
/// Hangfire's log provider is process-wide: left pointing at a disposed test host's logger factory, it makes every
/// other host's workers fail. Test hosts share this silent one instead; one host per process, as in production,
/// keeps Hangfire logging through ASP.NET Core.
/// </summary>
public sealed class SilentHangfireLog : ILogProvider, ILog
{
    public ILog GetLogger(string name) => this;

    public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
}
