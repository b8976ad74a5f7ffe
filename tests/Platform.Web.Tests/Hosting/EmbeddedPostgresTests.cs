using System.Runtime.Versioning;
using Npgsql;
using Platform.Testing;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Hosting;

public sealed class EmbeddedPostgresTests
{
    /// <summary>
    /// As root, PostgreSQL's tools run as the postgres user, who cannot enter a directory only root may: the error names
    /// it with the fix. Any other user runs them as itself, so the same private directory simply works.
    /// </summary>
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_private_data_directory_works_for_its_owner_and_as_root_the_error_names_the_closed_parent()
    {
        var directory = TestDatabase.NewDirectory("closed");
        var closed = Path.Combine(directory, "closed");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var start = () => EmbeddedPostgres.StartAsync(Path.Combine(closed, "data", "postgres"), maxConnections: 10);

            if (Environment.UserName == "root")
            {
                (await start.Should().ThrowAsync<InvalidOperationException>())
                    .WithMessage($"*postgres user*cannot enter '{closed}'*chmod o+x*Storage:DataDirectory*");
            }
            else
            {
                await using var cluster = await start();
                (await cluster.EnsureDatabaseAsync("owner_only")).Should().Contain("owner_only");
            }
        }
        finally
        {
            TestDatabase.Remove(directory);
        }
    }

    [Fact]
    public async Task A_cluster_that_stopped_starts_again_on_the_same_port_and_keeps_postgresql_durable_defaults()
    {
        var directory = TestDatabase.NewDirectory("restart");
        try
        {
            await using var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "postgres"), maxConnections: 20);
            // Unpooled: the connection string, not a pooled connection to the old server, must reach the new one.
            var connectionString = new NpgsqlConnectionStringBuilder(await cluster.EnsureDatabaseAsync("restart")) { Pooling = false }.ConnectionString;
            var port = cluster.Port;

            var whileRunning = await cluster.EnsureRunningAsync();
            await EmbeddedPostgres.StopAsync(cluster.DataDirectory, "immediate");
            var afterTheStop = await cluster.EnsureRunningAsync();

            whileRunning.Should().BeFalse();
            afterTheStop.Should().BeTrue();
            cluster.Port.Should().Be(port);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var settings = new List<string>();
            foreach (var name in new[] { "fsync", "full_page_writes", "synchronous_commit", "max_connections" })
            {
                await using var show = new NpgsqlCommand($"SHOW {name}", connection);
                settings.Add((string)(await show.ExecuteScalarAsync())!);
            }
            settings.Should().Equal("on", "on", "on", "20");
        }
        finally
        {
            TestDatabase.Remove(directory);
        }
    }
}
