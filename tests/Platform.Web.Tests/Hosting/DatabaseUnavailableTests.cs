using System.Net.Sockets;
using Marten.Exceptions;
using Npgsql;
using Platform.Common;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Hosting;

public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    [InlineData(PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection)]
    public void A_server_shutting_down_starting_up_full_or_losing_the_connection_is_unavailable(string sqlState) =>
        DatabaseUnavailable.Is(Postgres(sqlState)).Should().BeTrue();

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    public void An_error_of_the_request_itself_is_not_even_when_npgsql_calls_it_transient(string sqlState) =>
        DatabaseUnavailable.Is(Postgres(sqlState)).Should().BeFalse();

    [Fact]
    public void Refused_and_cut_connections_and_an_exhausted_pool_are_unavailable()
    {
        DatabaseUnavailable.Is(new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused)))
            .Should().BeTrue();
        DatabaseUnavailable.Is(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())).Should().BeTrue();
        DatabaseUnavailable.Is(new NpgsqlException(
            "The connection pool has been exhausted, either raise 'Max Pool Size' (currently 50) or 'Timeout' (currently 15 seconds) in your connection string.",
            new TimeoutException())).Should().BeTrue();
    }

    [Fact]
    public void What_marten_or_anything_else_wraps_counts()
    {
        var marten = new MartenCommandException(new NpgsqlCommand("select 1"), Postgres(PostgresErrorCodes.CannotConnectNow));

        DatabaseUnavailable.Is(marten).Should().BeTrue();
        DatabaseUnavailable.Is(new InvalidOperationException("outer", marten)).Should().BeTrue();
        DatabaseUnavailable.Is(new InvalidOperationException("outer", new MartenCommandException(new NpgsqlCommand("select 1"), Postgres(PostgresErrorCodes.UniqueViolation))))
            .Should().BeFalse();
    }

    [Fact]
    public void Other_failures_are_not_even_io_and_timeouts_outside_npgsql()
    {
        DatabaseUnavailable.Is(new DomainException("refused", DomainError.Conflict)).Should().BeFalse();
        DatabaseUnavailable.Is(new IOException("disk full")).Should().BeFalse();
        DatabaseUnavailable.Is(new TimeoutException("render server")).Should().BeFalse();
        DatabaseUnavailable.Is(new NpgsqlException("syntax")).Should().BeFalse();
    }

    [Fact]
    public void An_event_number_taken_twice_after_a_cut_connection_is_the_databases_trouble_and_other_duplicates_are_the_requests()
    {
        var retried = new PostgresException("duplicate key value violates unique constraint \"pkey_mt_events_seq_id\"", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, constraintName: "pkey_mt_events_seq_id");
        var duplicateEmail = new PostgresException("duplicate key value violates unique constraint \"mt_doc_account_email\"", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, constraintName: "mt_doc_account_email");

        DatabaseUnavailable.Is(new MartenCommandException(new NpgsqlCommand("insert"), retried)).Should().BeTrue("a 503: send it again");
        DatabaseUnavailable.Is(duplicateEmail).Should().BeFalse();
    }

    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
