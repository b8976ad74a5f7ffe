using Npgsql;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Hosting;

public sealed class DatabaseUnavailableTests
{
    [Fact]
    public void An_event_number_taken_twice_after_a_cut_connection_is_the_databases_trouble_and_other_duplicates_are_the_requests()
    {
        var retried = new PostgresException("duplicate key value violates unique constraint \"pkey_mt_events_seq_id\"", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, constraintName: "pkey_mt_events_seq_id");
        var duplicateEmail = new PostgresException("duplicate key value violates unique constraint \"mt_doc_account_email\"", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, constraintName: "mt_doc_account_email");

        DatabaseUnavailable.Is(new InvalidOperationException("Marten Command Failure", retried)).Should().BeTrue("a 503: send it again");
        DatabaseUnavailable.Is(duplicateEmail).Should().BeFalse();
        DatabaseUnavailable.Is(new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)).Should().BeTrue();
    }
}
