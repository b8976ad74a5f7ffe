using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;

namespace Platform.ArchitectureTests;

/// <summary>
/// One use case does not reach into another's internals.
///
/// A use case is a folder src/Platform.Web/&lt;Feature&gt;/&lt;UseCase&gt;/ (STYLE.md: one folder per use case, named for
/// what users do), subfolders included; Hosting/ and Components/ are shared places, not features. Its internals are
/// the types written in files there, whatever their namespace (most share the feature's namespace). They may be used
/// only by the use case itself and by its feature's root folder, which wires the feature's use cases (Config.cs). What
/// several use cases need lives in a shared place: the feature's root folder, Hosting/, Components/, the project's root,
/// or Platform.Core. Making a type shared is moving its file there (its namespace stays the feature's).
/// </summary>
public class UseCaseTests
{
    private static readonly string[] SharedPlaces = ["Hosting", "Components"];

    // The uses left of the 106 found when the rule came in, as "using folder -> used type". Do not add to this list:
    // move the used type to a shared place instead.
    private static readonly HashSet<string> KnownExceptions = new(StringComparer.Ordinal)
    {
        // A batch enqueues its jobs: the Hangfire job's type is the contract.
        "Generation/Batches -> Platform.Web.Generation.Running.RunGenerationJob",
        // Pages that embed another use case's panel (the study page holds the upload, sharing and release panels).
        "Results/ViewingResults -> Platform.Web.Results.ImportPanel",
        "Studies/AddingVideos -> Platform.Web.Studies.BulkUploader",
        "Studies/RunningStudy -> Platform.Web.Studies.SharingPanel",
        "Studies/RunningStudy -> Platform.Web.Studies.VideoUploader",
        "Studies/RunningStudy -> Platform.Web.Voting.ReleaseSessionForm",
    };

    [Fact]
    public void Types_are_placed_by_the_folder_of_their_source()
    {
        // Without the PDB every rule here would pass on nothing: check that it is read.
        var processing = Codebase.Architecture.GetClassOfType(typeof(Platform.Web.Studies.ProcessVideo));
        var catalog = Codebase.Architecture.GetClassOfType(typeof(Platform.Web.Studies.StudyCatalog));

        Codebase.WebFolders.FolderOf(processing).Should().Be("Studies/AddingVideos");
        Codebase.WebFolders.FolderOf(catalog).Should().Be("Studies");
        Codebase.TypesWrittenIn(Codebase.Core, Codebase.CoreFolders).Should().NotBeEmpty();
    }

    [Fact]
    public void No_use_case_is_reached_into_from_outside_it_and_its_feature_root() =>
        Violations().Where(violation => !KnownExceptions.Contains(violation)).ShouldBeNone(
            "a use case's types are its own: move a type other code needs to the feature's root folder, Hosting/ or Components/");

    [Fact]
    public void Every_known_exception_still_occurs() =>
        KnownExceptions.Except(Violations()).ShouldBeNone("an exception that no longer occurs leaves the list, so it cannot come back");

    private static HashSet<string> Violations()
    {
        var folders = Codebase.WebFolders;
        return Codebase.TypesWrittenIn(Codebase.Web, folders)
            .SelectMany(type => type.Dependencies)
            .Select(dependency => (From: folders.FolderOf(dependency.Origin)!, To: folders.FolderOf(dependency.Target), dependency.Target))
            .Where(use => use.To is not null && ReachesIntoAnotherUseCase(use.From, use.To))
            .Select(use => $"{use.From} -> {Outermost(use.Target)}")
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool ReachesIntoAnotherUseCase(string from, string to)
    {
        var target = UseCaseOf(to);
        if (target is null || UseCaseOf(from) == target) return false;
        var fromFeatureRoot = UseCaseOf(from) is null && from.Split('/')[0] == to.Split('/')[0];
        return !fromFeatureRoot;
    }

    /// <summary>"Feature/UseCase" for a folder inside a use case; null for a feature's root folder and the shared places.</summary>
    private static string? UseCaseOf(string folder)
    {
        var parts = folder.Split('/');
        return parts.Length >= 2 && !SharedPlaces.Contains(parts[0]) ? $"{parts[0]}/{parts[1]}" : null;
    }

    private static string Outermost(IType type) => type.FullName.Split('+', '/')[0];
}
