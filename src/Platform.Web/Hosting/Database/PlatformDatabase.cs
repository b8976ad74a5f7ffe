using Microsoft.Extensions.Options;

namespace Platform.Hosting.Database;

/// <summary>
/// The platform's PostgreSQL database: the configured server, or an embedded cluster under the data directory.
/// Resolved once; migrations are applied before anything else can use it.
/// </summary>
public sealed class PlatformDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private PlatformDatabase(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    public string ConnectionString { get; }

    public static async Task<PlatformDatabase> OpenAsync(DatabaseOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        EmbeddedPostgres? embedded = null;
        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            embedded = await EmbeddedPostgres.StartAsync(Path.Combine(options.DataDirectory, "postgres"), options.PostgresBinDirectory, cancellationToken: cancellationToken);
            connectionString = await embedded.EnsureDatabaseAsync("platform", cancellationToken);
            logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} with data in {DataDirectory}", embedded.Port, embedded.DataDirectory);
        }

        if (options.ApplyMigrations)
        {
            var applied = Migrations.Apply(connectionString, options.MigrationsDirectory);
            logger.LogInformation("Database migrations applied: {Scripts}", applied.Count == 0 ? "none pending" : string.Join(", ", applied));
        }
        return new PlatformDatabase(connectionString, embedded);
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null) await _embedded.DisposeAsync();
    }
}

public sealed class DatabaseOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded cluster (and, later, media) lives; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = ".data";

    public string? PostgresBinDirectory { get; set; }

    /// <summary>Outside Development the schema comes from migrations/ rather than being created on the fly.</summary>
    public bool ApplyMigrations { get; set; }

    public string MigrationsDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "migrations");

    public static DatabaseOptions From(IConfiguration configuration, IHostEnvironment environment) => new()
    {
        ConnectionString = configuration.GetConnectionString("Platform"),
        DataDirectory = configuration["Storage:DataDirectory"] is { Length: > 0 } dir ? dir : ".data",
        PostgresBinDirectory = configuration["Storage:PostgresBinDirectory"],
        ApplyMigrations = configuration.GetValue<bool?>("Database:ApplyMigrations") ?? !environment.IsDevelopment(),
    };
}
