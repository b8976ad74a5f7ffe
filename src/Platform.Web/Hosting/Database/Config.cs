using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Platform.Web.Hosting.Database;

public static class Config
{
    /// <summary>The key of Marten's <see cref="NpgsqlDataSource"/> in the container.</summary>
    public const string MartenConnections = "marten";

    /// <summary>Marten's connections' application_name, so pg_stat_activity tells them from Hangfire's and the locks'.</summary>
    public const string MartenApplicationName = "platform-marten";

    /// <summary>
    /// The data directory, PostgreSQL (configured or embedded) and Marten on top of it. Features add their documents and projections with
    /// <c>services.ConfigureMarten(...)</c> in their own Config.cs.
    /// </summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services)
    {
        services.AddSingleton<Storage>();
        services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(sp => PlatformDatabase.OpenAsync(
                sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<ILogger<PlatformDatabase>>())
            .GetAwaiter().GetResult());

        AddMartenConnections(services);
        services.AddHostedService<EmbeddedPostgresWatchdog>();

        services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                options.Connection(sp.GetRequiredKeyedService<NpgsqlDataSource>(MartenConnections));
                options.DatabaseSchemaName = "public";
                // Outside Development the schema is whatever migrations/ made it; Marten must not change it.
                options.AutoCreateSchemaObjects = sp.GetRequiredService<DatabaseOptions>().ApplyMigrations ? AutoCreate.None : AutoCreate.CreateOrUpdate;
                options.UseSystemTextJsonForSerialization(enumStorage: EnumStorage.AsString);
                // Rich appends number events before the inline projections run, so a projection can record the
                // sequence it has seen (the results' event version); quick appends number them only in the database.
                options.Events.AppendMode = JasperFx.Events.EventAppendMode.Rich;
                options.Logger(new MartenLog(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Marten")));
                return options;
            })
            .UseLightweightSessions();
        return services;
    }

    // Marten's pool, bounded by Database:MaxPoolSize. The platform owns it (the container disposes it) so the
    // watchdog can clear it after a restart of the cluster: NpgsqlConnection.ClearAllPools does not reach a data source.
    private static void AddMartenConnections(IServiceCollection services) =>
        services.AddKeyedSingleton(MartenConnections, (sp, _) =>
        {
            var database = sp.GetRequiredService<PlatformDatabase>();
            var maxPoolSize = sp.GetRequiredService<DatabaseOptions>().MaxPoolSize;
            return NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
            {
                MaxPoolSize = maxPoolSize,
                ApplicationName = MartenApplicationName,
                // Marten's statements are few and repeated: prepared once per connection, PostgreSQL no longer parses
                // and plans each again (+35 % judgments/s at 64 participants, docs/BENCHMARKS.md).
                MaxAutoPrepare = 100,
                AutoPrepareMinUsages = 2,
            }.ConnectionString);
        });
}
