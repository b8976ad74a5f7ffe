using Platform.Common;

namespace Platform.Web.Hosting;

/// <summary>
/// The rules for reading a folder on the server that others fill (caption imports, bulk video imports): only folders
/// under an import root, named by a relative path without <c>..</c>, with no link or mount point on the way from the
/// root (either could lead anywhere); files that are links are skipped; messages name paths relative to the root,
/// never the server's own.
/// </summary>
public static class ServerFolders
{
    /// <summary>The folder's path relative to <paramref name="root"/> ('/' between parts) and its full path; refused with a readable reason.</summary>
    public static (string Relative, string Path) Resolve(string root, string folder)
    {
        var relative = (folder ?? string.Empty).Replace('\\', '/').Trim('/');
        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (Path.IsPathRooted(folder ?? string.Empty) || parts.Length == 0 || parts.Any(p => p is ".." or "." || p.Trim().Length == 0))
            throw new DomainException("Name a folder under the import root, relative to it (not the root itself, no leading '/', no '..').", DomainError.Unprocessable);
        var path = root;
        var mounts = ImportMounts.Current();
        foreach (var part in parts)
        {
            path = Path.Combine(path, part);
            if (!Directory.Exists(path))
                throw new DomainException($"There is no folder '{relative}' under the import root.", DomainError.NotFound);
            if (new DirectoryInfo(path).LinkTarget is not null)
                throw new DomainException($"'{Path.GetRelativePath(root, path)}' is a link; only real folders under the import root can be imported.", DomainError.Unprocessable);
            if (ImportMounts.IsMountPoint(path, mounts))
                throw new DomainException($"'{Path.GetRelativePath(root, path)}' is a mount point; only folders of the import root's own file system can be imported.", DomainError.Unprocessable);
        }
        if (!Directory.Exists(path))
            throw new DomainException("There is no import root folder yet; an operator makes it.", DomainError.NotFound);
        return (string.Join('/', parts), path);
    }

    /// <summary>Every file below <paramref name="folder"/> that is not a link (a link could point anywhere on the server), in a stable order.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// A file named inside <paramref name="folder"/> by a relative path (a manifest beside the videos): the same rules as
    /// folders, and the file itself must be a real file, not a link. Refused with the path as given.
    /// </summary>
    public static string File(string folder, string relativeFile, string what)
    {
        var relative = (relativeFile ?? string.Empty).Replace('\\', '/').Trim();
        var parts = relative.Split('/');
        if (Path.IsPathRooted(relative) || relative.Length == 0 || parts.Any(p => p is ".." or "." || p.Trim().Length == 0) || SafeText.HasForbidden(relative))
            throw new DomainException($"Name the {what} by its path inside the folder (no leading '/', no '..').", DomainError.Unprocessable);
        var path = Path.Combine([folder, .. parts]);
        if (!System.IO.File.Exists(path))
            throw new DomainException($"There is no {what} '{relative}' in the folder.", DomainError.NotFound);
        for (var at = path; at.Length > folder.Length; at = Path.GetDirectoryName(at)!)
        {
            if (new FileInfo(at).LinkTarget is not null)
                throw new DomainException($"The {what} '{relative}' is reached through a link; only real files in the folder are read.", DomainError.Unprocessable);
        }
        return path;
    }
}
