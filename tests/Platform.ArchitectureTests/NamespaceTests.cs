namespace Platform.ArchitectureTests;

/// <summary>
/// Core's namespaces are Platform.&lt;Feature&gt;…, Web's Platform.Web.…, so a file's usings show when it uses the host.
/// Only types written in the sources count: what the compiler and source generators add keeps their own namespaces.
/// </summary>
public class NamespaceTests
{
    [Fact]
    public void Every_web_type_lives_under_Platform_Web()
    {
        var outside = Codebase.TypesWrittenIn(Codebase.Web, Codebase.WebFolders)
            .Where(type => type.FullName != "Program") // top-level statements: the compiler puts Program in the global namespace
            .Where(type => !InOrUnder(type.Namespace.FullName, "Platform.Web"))
            .Select(type => type.FullName);

        outside.ShouldBeNone("a Web type used in a file shows in its usings as Platform.Web.…");
    }

    [Fact]
    public void Every_core_type_lives_under_Platform_but_not_under_Platform_Web()
    {
        var outside = Codebase.TypesWrittenIn(Codebase.Core, Codebase.CoreFolders)
            .Where(type => !InOrUnder(type.Namespace.FullName, "Platform") || InOrUnder(type.Namespace.FullName, "Platform.Web"))
            .Select(type => type.FullName);

        outside.ShouldBeNone("Core's namespaces are Platform.<Feature>…, never the host's");
    }

    private static bool InOrUnder(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
}
