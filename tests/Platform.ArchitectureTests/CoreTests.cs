namespace Platform.ArchitectureTests;

/// <summary>Platform.Core is the domain: it names no web, database, job or messaging framework, and nothing of the host.</summary>
public class CoreTests
{
    private static readonly string[] Forbidden = ["Microsoft.AspNetCore", "Marten", "Npgsql", "Hangfire", "MassTransit", "Platform.Web"];

    private static bool IsForbidden(string name) =>
        Forbidden.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    [Fact]
    public void Core_references_no_framework_assembly_and_not_the_host()
    {
        var references = Codebase.Core.GetReferencedAssemblies().Select(reference => reference.Name!);

        references.Where(IsForbidden).ShouldBeNone("Core is the domain, free of the frameworks the host wires");
    }

    [Fact]
    public void No_core_type_depends_on_a_framework_namespace_or_the_host()
    {
        var dependencies = Codebase.Architecture.Types
            .Where(type => type.Assembly.FullName == Codebase.Core.FullName)
            .SelectMany(type => type.Dependencies)
            .Where(dependency => IsForbidden(dependency.Target.Namespace?.FullName ?? ""))
            .Select(dependency => $"{dependency.Origin.FullName} -> {dependency.Target.FullName}");

        dependencies.ShouldBeNone("Core is the domain, free of the frameworks the host wires");
    }
}
