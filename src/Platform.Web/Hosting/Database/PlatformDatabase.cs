namespace Platform.Web.Hosting.Database;

/// <summary>
/// The platform's PostgreSQL database: the configured server, or an embedded cluster under the data directory.
/// Resolved once; migrations are applied before anything else can use it.
/// </summary>
public sealed class PlatformDatabase : IAsyncDisposable
{
    private PlatformDatabase(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        Embedded = embedded;
    }

    public string ConnectionString { get; }

    /// <summary>The cluster this host runs itself; null when a connection string names the server.</summary>
    public EmbeddedPostgres? Embedded { get; }

    public static async Task<PlatformDatabase> OpenAsync(DatabaseOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        EmbeddedPostgres? embedded = null;
        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            embedded = await EmbeddedPostgres.StartAsync(Path.Combine(options.DataDirectory, "postgres"), options.PostgresBinDirectory, options.MaxConnections,
                options.ServerSettings, cancellationToken);
            connectionString = await embedded.EnsureDatabaseAsync("platform", cancellationToken: cancellationToken);
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
        if (Embedded is not null) await Embedded.DisposeAsync();
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

    public const int DefaultMaxPoolSize = 50;

    /// <summary>
    /// Connections Marten may hold at once (its data source's Maximum Pool Size): the platform's requests and jobs
    /// wait for one beyond this, and the participant API admits about this many requests at a time.
    /// </summary>
    public int MaxPoolSize { get; set; } = DefaultMaxPoolSize;

    /// <summary>
    /// The embedded cluster's max_connections: room for every connection this host may open. Marten's pool
    /// (<see cref="MaxPoolSize"/>); Hangfire, a connection per busy worker (Jobs:WorkerCount + Generation:Workers, 22 by
    /// default) and a few for its heartbeat and LISTEN, and the health check's one, both through Npgsql's pool by
    /// connection string; the unpooled lock connections (one per running generation job, the media store, the demo
    /// seeder); PostgreSQL's 3 reserved superuser slots. About 80 beyond Marten's pool with the defaults: Marten's pool
    /// + <see cref="BesideMarten"/> leaves room. A configured server needs the same sum for each host that uses it.
    /// </summary>
    public int MaxConnections { get; set; } = DefaultMaxPoolSize + BesideMarten;

    public const int BesideMarten = 150;

    /// <summary>
    /// More settings for the embedded cluster, each <c>name=value</c> (Database:ServerSettings:0, :1, …), such as
    /// <c>shared_buffers=1GB</c> or <c>shared_preload_libraries=pg_stat_statements</c> to see where its time goes.
    /// None by default: PostgreSQL's durable defaults hold unless an operator changes them here.
    /// </summary>
    public IReadOnlyList<string> ServerSettings { get; set; } = [];

    public static DatabaseOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var maxPoolSize = configuration.GetValue("Database:MaxPoolSize", DefaultMaxPoolSize);
        return new()
        {
            ConnectionString = configuration.GetConnectionString("Platform"),
            DataDirectory = configuration["Storage:DataDirectory"] is { Length: > 0 } dir ? dir : ".data",
            PostgresBinDirectory = configuration["Storage:PostgresBinDirectory"],
            ApplyMigrations = configuration.GetValue<bool?>("Database:ApplyMigrations") ?? !environment.IsDevelopment(),
            MaxPoolSize = maxPoolSize,
            MaxConnections = configuration.GetValue("Database:MaxConnections", maxPoolSize + BesideMarten),
            ServerSettings = configuration.GetSection("Database:ServerSettings").Get<string[]>() ?? [],
        };
    }
}
