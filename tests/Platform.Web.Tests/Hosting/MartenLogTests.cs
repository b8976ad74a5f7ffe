using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Hosting;

/// <summary>What reaches the log when a database command fails: the SQL and the error, never the values sent with it.</summary>
public sealed class MartenLogTests
{
    private const string Hash = "AQAAAAIAAYagAAAAEHashOfAPassword";
    private const string ProtectedKey = "CfDJ8ProtectedApiKey";

    [Fact]
    public void A_failed_write_logs_its_sql_and_error_but_not_the_document_it_carried()
    {
        var log = new CapturingLogger();
        var command = new NpgsqlCommand("select mt_upsert_useraccount(@p0, @p1)");
        command.Parameters.AddWithValue("p0", $"{{\"PasswordHash\":\"{Hash}\",\"ProtectedApiKey\":\"{ProtectedKey}\",\"DisplayName\":\"a\\u0000b\"}}");
        command.Parameters.AddWithValue("p1", Guid.NewGuid());

        new MartenLog(log).LogFailure(command, new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021"));

        var entry = log.Entries.Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Error);
        entry.Text.Should().Contain("mt_upsert_useraccount").And.Contain("22021").And.NotContain(Hash).And.NotContain(ProtectedKey);
    }

    [Fact]
    public void A_unique_key_the_platform_expects_to_hit_is_only_a_debug_line()
    {
        var log = new CapturingLogger();
        var batch = new NpgsqlBatch { BatchCommands = { new NpgsqlBatchCommand("insert into mt_streams values (@token)") { Parameters = { new NpgsqlParameter("token", "secret-token") } } } };

        new MartenLog(log).LogFailure(batch, new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));

        log.Entries.Should().ContainSingle().Which.Should().Match<(LogLevel Level, string Text)>(e => e.Level == LogLevel.Debug && !e.Text.Contains("secret-token"));
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<(LogLevel Level, string Text)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception) + exception));
    }
}
