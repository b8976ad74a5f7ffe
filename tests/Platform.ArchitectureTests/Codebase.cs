using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Assembly = System.Reflection.Assembly;

namespace Platform.ArchitectureTests;

/// <summary>Platform.Core and Platform.Web as ArchUnitNET reads them, with the folder each type's source is in.</summary>
public static class Codebase
{
    public static readonly Assembly Core = Assembly.Load("Platform.Core");
    public static readonly Assembly Web = Assembly.Load("Platform.Web");

    private static readonly Lazy<Architecture> LazyArchitecture =
        new(() => new ArchLoader().LoadAssemblies(Core, Web).Build());

    private static readonly Lazy<SourceFolders> LazyCoreFolders = new(() => SourceFolders.Read(Core));
    private static readonly Lazy<SourceFolders> LazyWebFolders = new(() => SourceFolders.Read(Web));

    public static Architecture Architecture => LazyArchitecture.Value;
    public static SourceFolders CoreFolders => LazyCoreFolders.Value;
    public static SourceFolders WebFolders => LazyWebFolders.Value;

    /// <summary>The types of an assembly that are written in its source files (not made by the compiler or a generator).</summary>
    public static IEnumerable<IType> TypesWrittenIn(Assembly assembly, SourceFolders folders) =>
        Architecture.Types.Where(type => type.Assembly.FullName == assembly.FullName && folders.FolderOf(type) is not null);
}

public static class Findings
{
    /// <summary>Fails listing every finding, one a line (a collection assertion would show only the first few).</summary>
    public static void ShouldBeNone(this IEnumerable<string> findings, string because) =>
        string.Join(Environment.NewLine, findings.Distinct().Order(StringComparer.Ordinal)).Should().BeEmpty(because);
}
