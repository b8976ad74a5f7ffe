using Marten;
using Marten.Services;
using Npgsql;

namespace Platform.Web.Hosting.Database;

/// <summary>
/// What Marten logs: a failed command's SQL text and error, never its parameters (they hold whole documents: password
/// hashes, protected API keys, session tokens, whatever a participant typed); a unique-key violation, which the
/// platform expects and handles (two tabs starting one session), only at Debug, so real errors stay visible.
/// </summary>
public sealed class MartenLog(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten changed the schema:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failed(ex, string.Join(";\n", Enumerable.Select<NpgsqlBatchCommand, string>(batch.BatchCommands, c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failed(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    /// <summary>
    /// A unique key refusing a second insert is expected (the caller catches it and decides again). Other errors are
    /// described without the values they may quote (PostgreSQL's detail can hold a row).
    /// </summary>
    private void Failed(Exception ex, string sql)
    {
        var postgres = ex as PostgresException ?? ex.InnerException as PostgresException;
        if (postgres?.SqlState == PostgresErrorCodes.UniqueViolation)
            logger.LogDebug("A database command was refused as the platform expects ({SqlState}): {Sql}", postgres.SqlState, sql);
        else
            logger.LogError("A database command failed ({Error}): {Sql}", postgres is null ? ex.GetType().Name : $"{postgres.SqlState} {postgres.MessageText}", sql);
    }
}
