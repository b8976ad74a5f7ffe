using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>The real host (Testing environment: migrations applied, as in production) on a database of its own.</summary>
public class PlatformFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@platform.test";
    public const string AdminPassword = "admin-password-for-tests";

    public string ConnectionString { get; } = connectionString;

    /// <summary>Media and uploads of this host; removed with it.</summary>
    public string DataDirectory { get; } = TestDatabase.NewDirectory("data");

    // Hangfire keeps its storage and job activator in process-wide statics while a host is being built; hosts
    // started at the same moment in one test process could pick up each other's. One start at a time.
    private static readonly Lock StartGate = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartGate)
        {
            var host = base.CreateHost(builder);
            // Hangfire applies its configuration (and sets its process-wide log provider to this host's logger
            // factory) when first asked for it: ask now, so no later request of this host swaps the provider back.
            host.Services.GetService<Hangfire.IGlobalConfiguration>();
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentHangfireLog());
            return host;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Never leave Hangfire's process-wide log provider pointing at this host's disposed logger factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentHangfireLog());
        GC.SuppressFinalize(this);
        TestDatabase.Remove(DataDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorLog()));
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = ConnectionString,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Jobs:WorkerCount"] = "2",
            ["Storage:DataDirectory"] = DataDirectory,
            ["Voting:RequestsPerClientPerMinute"] = "100000",
            ["Accounts:SignInAttemptsPerClientPerMinute"] = "10000",
            ["Accounts:SignInAttemptsPerAccountPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Generation:Workers"] = "4",
            ["Generation:ShortestPoll"] = "00:00:00.100",
            ["Generation:LongestPoll"] = "00:00:00.400",
            ["Generation:SlotWait"] = "00:00:02",
            ["Generation:BusyWait"] = "00:00:01",
            ["Generation:JobTimeout"] = "00:00:08",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            defaults[key] = value;
        foreach (var (key, value) in defaults)
            builder.UseSetting(key, value);
    }
}
