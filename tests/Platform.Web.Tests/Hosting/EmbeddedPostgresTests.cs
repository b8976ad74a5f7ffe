using System.Runtime.Versioning;
using Platform.Hosting.Database;
using Platform.Testing;

namespace Platform.Tests.Hosting;

public sealed class EmbeddedPostgresTests
{
    [RootFact]
    [UnsupportedOSPlatform("windows")]
    public async Task As_root_a_parent_directory_the_postgres_user_cannot_enter_is_named_with_the_fix()
    {
        var directory = TestDatabase.NewDirectory("closed");
        var closed = Path.Combine(directory, "closed");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var start = () => EmbeddedPostgres.StartAsync(Path.Combine(closed, "data", "postgres"));

            (await start.Should().ThrowAsync<InvalidOperationException>())
                .WithMessage($"*postgres user*cannot enter '{closed}'*chmod o+x*Storage:DataDirectory*");
        }
        finally
        {
            TestDatabase.Remove(directory);
        }
    }

    /// <summary>Only a process running as root hands PostgreSQL to another user; elsewhere the test is skipped.</summary>
    private sealed class RootFactAttribute : FactAttribute
    {
        public RootFactAttribute()
        {
            if (OperatingSystem.IsWindows() || Environment.UserName != "root")
                Skip = "runs only as root, where PostgreSQL's tools run as the postgres user";
        }
    }
}
