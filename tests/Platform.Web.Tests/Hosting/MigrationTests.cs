using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.TestHost;
using Platform.Testing;
using Platform.Web.Hosting.Database;
using Weasel.Core.Migrations;

namespace Platform.Tests.Hosting;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_scripts_in_migrations_build_exactly_the_schema_the_model_needs()
    {
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("migrations"));
        var store = factory.Services.GetRequiredService<IDocumentStore>();

        var check = () => store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();

        await check.Should().NotThrowAsync("run migrations/new-migration.sh <name> after changing documents, events or projections");
    }

    [Fact]
    public async Task The_check_fails_when_a_document_is_added_without_exporting_its_sql()
    {
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("drift"));
        await using var drifted = factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.ConfigureMarten(o => o.Schema.For<UnexportedDocument>())));
        var store = drifted.Services.GetRequiredService<IDocumentStore>();

        var check = () => store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();

        (await check.Should().ThrowAsync<DatabaseValidationException>()).Which.Message.Should().Contain("mt_doc_migrationtests_unexporteddocument");
    }

    [Fact]
    public async Task The_check_fails_when_a_projection_is_added_without_exporting_its_sql()
    {
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("drift_projection"));
        await using var drifted = factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.ConfigureMarten(o => o.Projections.Add<UnexportedProjection>(ProjectionLifecycle.Inline))));
        var store = drifted.Services.GetRequiredService<IDocumentStore>();

        var check = () => store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();

        (await check.Should().ThrowAsync<DatabaseValidationException>()).Which.Message.Should().Contain("mt_doc_migrationtests_unexportedsummary");
    }

    [Fact]
    public async Task Applying_the_migrations_twice_runs_each_script_once()
    {
        var database = await TestDatabase.CreateEmptyAsync("reapply");
        var directory = Path.Combine(AppContext.BaseDirectory, "migrations");

        var first = Migrations.Apply(database, directory);
        var second = Migrations.Apply(database, directory);

        first.Should().NotBeEmpty().And.Contain("0001_accounts.sql");
        second.Should().BeEmpty();
    }

    public sealed class UnexportedDocument
    {
        public Guid Id { get; set; }
    }

    public sealed record SomethingUnexportedHappened(Guid Id);

    /// <summary>The read model of a projection nobody exported SQL for.</summary>
    public sealed class UnexportedSummary
    {
        public Guid Id { get; set; }
        public int Count { get; set; }
    }

    public sealed class UnexportedProjection : SingleStreamProjection<UnexportedSummary, Guid>
    {
        public static void Apply(SomethingUnexportedHappened _, UnexportedSummary summary) => summary.Count++;
    }
}
