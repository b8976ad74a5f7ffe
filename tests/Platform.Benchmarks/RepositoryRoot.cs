namespace Platform.Benchmarks;

public static class RepositoryRoot
{
    /// <summary>The folder holding Platform.sln, found upwards from the harness's build output.</summary>
    public static string Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln"))) root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
