using DbUp;

namespace Platform.Web.Hosting.Database;

/// <summary>
/// Applies the SQL scripts of migrations/ (exported with <c>db-patch</c>) in name order, each once, journaled in
/// <c>public.platform_migrations</c>.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<string> Apply(string connectionString, string directory)
    {
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"The migrations directory '{directory}' does not exist.");

        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsFromFileSystem(directory, path => !path.EndsWith(".drop.sql", StringComparison.OrdinalIgnoreCase))
            .JournalToPostgresqlTable("public", "platform_migrations")
            .WithTransactionPerScript()
            .WithVariablesDisabled() // Marten's functions use $function$ quoting, which DbUp would read as variables
            .LogToNowhere()
            .Build();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration '{result.ErrorScript?.Name}' failed: {result.Error.Message}", result.Error);
        return [.. result.Scripts.Select(s => s.Name)];
    }
}
