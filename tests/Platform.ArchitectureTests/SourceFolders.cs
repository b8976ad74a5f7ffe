using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using ArchUnitNET.Domain;
using Assembly = System.Reflection.Assembly;

namespace Platform.ArchitectureTests;

/// <summary>
/// The folder (relative to src/&lt;assembly&gt;/, "" for its root) that holds each top-level type's source, read from the
/// portable PDB beside the assembly: the documents of the type's method bodies, and for a type without bodies (an enum,
/// an interface, a record of properties) the compiler's TypeDefinitionDocuments record. Code made by a source generator
/// (obj/, *.g.cs) has no folder; a Razor component's is its .razor file's.
/// </summary>
public sealed class SourceFolders
{
    private static readonly Guid TypeDefinitionDocuments = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    private readonly Dictionary<string, string> _folders;

    private SourceFolders(Dictionary<string, string> folders) => _folders = folders;

    public string? FolderOf(IType type)
    {
        // ArchUnitNET names nested types Outer+Inner: a nested type (a closure, a state machine) lives with its outer one.
        var name = type.FullName.Split('+', '/')[0];
        return _folders.GetValueOrDefault(name);
    }

    public static SourceFolders Read(Assembly assembly)
    {
        var marker = $"/src/{assembly.GetName().Name}/";
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.ChangeExtension(assembly.Location, ".pdb")));
        var metadata = pe.GetMetadataReader();
        var pdb = pdbProvider.GetMetadataReader();

        string? Folder(DocumentHandle handle)
        {
            var path = pdb.GetString(pdb.GetDocument(handle).Name).Replace('\\', '/');
            var at = path.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) return null;
            var relative = path[(at + marker.Length)..];
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.EndsWith(".g.cs", StringComparison.Ordinal)) return null;
            var slash = relative.LastIndexOf('/');
            return slash < 0 ? "" : relative[..slash];
        }

        IEnumerable<DocumentHandle> Documents(TypeDefinitionHandle handle)
        {
            var type = metadata.GetTypeDefinition(handle);
            foreach (var method in type.GetMethods())
            {
                var debug = pdb.GetMethodDebugInformation(method.ToDebugInformationHandle());
                if (!debug.Document.IsNil) yield return debug.Document;
                else if (!debug.SequencePointsBlob.IsNil)
                    foreach (var point in debug.GetSequencePoints()) yield return point.Document;
            }
            foreach (var information in pdb.GetCustomDebugInformation(handle).Select(pdb.GetCustomDebugInformation))
            {
                if (pdb.GetGuid(information.Kind) != TypeDefinitionDocuments) continue;
                var blob = pdb.GetBlobReader(information.Value);
                while (blob.RemainingBytes > 0) yield return MetadataTokens.DocumentHandle(blob.ReadCompressedInteger());
            }
            foreach (var nested in type.GetNestedTypes())
                foreach (var document in Documents(nested)) yield return document;
        }

        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (type.IsNested) continue;
            var folder = Documents(handle).Select(Folder).Where(folder => folder is not null).Order(StringComparer.Ordinal).FirstOrDefault();
            if (folder is null) continue;
            var ns = metadata.GetString(type.Namespace);
            var name = metadata.GetString(type.Name);
            folders[ns.Length == 0 ? name : $"{ns}.{name}"] = folder;
        }
        return new SourceFolders(folders);
    }
}
