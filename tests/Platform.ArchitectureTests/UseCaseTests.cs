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

    // The uses found when the rule came in, as "using folder -> used type", grouped by the using folder; a later
    // reorganisation removes them (many are shared parts that want the feature's root folder: Studies/Media,
    // Voting/Slots, Generation/Protocols and Generation/Servers; or pages composing other use cases' panels).
    // Do not add to this list: move the used type to a shared place instead.
    private static readonly HashSet<string> KnownExceptions = new(StringComparer.Ordinal)
    {
        "Captions/ImportingVideos -> Platform.Web.Studies.MediaFile",
        "Captions/ImportingVideos -> Platform.Web.Studies.MediaStore",
        "Captions/ImportingVideos -> Platform.Web.Studies.NewMediaFile",
        "Captions/ImportingVideos -> Platform.Web.Studies.ProbedVideo",
        "Captions/ImportingVideos -> Platform.Web.Studies.VideoLimits",
        "Captions/ImportingVideos -> Platform.Web.Studies.VideoProbe",
        "Captions/ImportingVideos -> Platform.Web.Studies.VideoTools",
        "Captions/ImportingVideos -> Platform.Web.Studies.VideoUploads",

        "Components -> Platform.Web.Studies.StudyGate",

        "Generation -> Platform.Web.Studies.Actors",
        "Generation -> Platform.Web.Studies.VideoLimits",

        "Generation/Batches -> Platform.Web.Generation.Running.RunGenerationJob",
        "Generation/Batches -> Platform.Web.Studies.StudyScope",

        "Generation/Running -> Platform.Web.Studies.VideoUpload",
        "Generation/Running -> Platform.Web.Studies.VideoUploads",

        "Results/ComputingResults -> Platform.Web.Results.StudyTally",

        "Results/ExportingResults -> Platform.Web.Results.ComputedResults",
        "Results/ExportingResults -> Platform.Web.Results.JudgmentImports",
        "Results/ExportingResults -> Platform.Web.Results.ResultsReader",
        "Results/ExportingResults -> Platform.Web.Results.StudyJudgments",

        "Results/ImportingJudgments -> Platform.Web.Results.ConditionLabel",
        "Results/ImportingJudgments -> Platform.Web.Results.StudyTally",

        "Results/ViewingResults -> Platform.Web.Results.ImportPanel",
        "Results/ViewingResults -> Platform.Web.Results.ResultsReader",
        "Results/ViewingResults -> Platform.Web.Results.StudyTally",
        "Results/ViewingResults -> Platform.Web.Studies.Count",

        "Studies -> Platform.Web.Results.StudyTally",
        "Studies -> Platform.Web.Voting.SessionStarts",
        "Studies -> Platform.Web.Voting.Slots.SlotLedger",
        "Studies -> Platform.Web.Voting.Slots.StudyPlans",
        "Studies -> Platform.Web.Voting.Slots.TrialClaims",
        "Studies -> Platform.Web.Voting.Slots.TrialLoads",
        "Studies -> Platform.Web.Voting.StudyPreviews",

        "Studies/AddingVideos -> Platform.Web.Studies.BulkUploader",
        "Studies/AddingVideos -> Platform.Web.Studies.MediaFile",
        "Studies/AddingVideos -> Platform.Web.Studies.MediaStore",
        "Studies/AddingVideos -> Platform.Web.Studies.NewMediaFile",
        "Studies/AddingVideos -> Platform.Web.Studies.VideoSummary",

        "Studies/DesigningStudy -> Platform.Web.Studies.Actors",
        "Studies/DesigningStudy -> Platform.Web.Studies.BulkUploadsApi",
        "Studies/DesigningStudy -> Platform.Web.Studies.SharingApi",
        "Studies/DesigningStudy -> Platform.Web.Studies.VideoLimits",
        "Studies/DesigningStudy -> Platform.Web.Studies.VideoSummaries",
        "Studies/DesigningStudy -> Platform.Web.Studies.VideoUpload",
        "Studies/DesigningStudy -> Platform.Web.Studies.VideoUploads",

        "Studies/RunningStudy -> Platform.Web.Studies.SharingPanel",
        "Studies/RunningStudy -> Platform.Web.Studies.VideoSummaries",
        "Studies/RunningStudy -> Platform.Web.Studies.VideoSummary",
        "Studies/RunningStudy -> Platform.Web.Studies.VideoUploader",
        "Studies/RunningStudy -> Platform.Web.Voting.ReleaseSessionForm",

        "Studies/UploadingInBulk -> Platform.Web.Studies.ProbedVideo",
        "Studies/UploadingInBulk -> Platform.Web.Studies.ProgressStream",
        "Studies/UploadingInBulk -> Platform.Web.Studies.StagedFile",
        "Studies/UploadingInBulk -> Platform.Web.Studies.UploadState",
        "Studies/UploadingInBulk -> Platform.Web.Studies.VideoLimits",
        "Studies/UploadingInBulk -> Platform.Web.Studies.VideoProbe",
        "Studies/UploadingInBulk -> Platform.Web.Studies.VideoSummary",
        "Studies/UploadingInBulk -> Platform.Web.Studies.VideoTools",
        "Studies/UploadingInBulk -> Platform.Web.Studies.VideoUpload",
        "Studies/UploadingInBulk -> Platform.Web.Studies.VideoUploads",

        "Voting/PreviewingStudy -> Platform.Web.Studies.Actors",
        "Voting/PreviewingStudy -> Platform.Web.Studies.Instructions",
        "Voting/PreviewingStudy -> Platform.Web.Studies.StudyGuard",
        "Voting/PreviewingStudy -> Platform.Web.Voting.KeyMap",
        "Voting/PreviewingStudy -> Platform.Web.Voting.Slots.StudyPlan",
        "Voting/PreviewingStudy -> Platform.Web.Voting.Taking.TrialPlayer",

        "Voting/ReleasingSession -> Platform.Web.Voting.SessionStarts",

        "Voting/Taking -> Platform.Web.Studies.Instructions",
        "Voting/Taking -> Platform.Web.Voting.PreviewStudy",
        "Voting/Taking -> Platform.Web.Voting.SessionStarts",
    };

    [Fact]
    public void Types_are_placed_by_the_folder_of_their_source()
    {
        // Without the PDB every rule here would pass on nothing: check that it is read.
        var videoUploads = Codebase.Architecture.GetClassOfType(typeof(Platform.Web.Studies.VideoUploads));
        var catalog = Codebase.Architecture.GetClassOfType(typeof(Platform.Web.Studies.StudyCatalog));

        Codebase.WebFolders.FolderOf(videoUploads).Should().Be("Studies/AddingVideos");
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
