using System.Runtime.Versioning;
using Platform.Hosting.Database;
using Platform.Testing;

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
}
