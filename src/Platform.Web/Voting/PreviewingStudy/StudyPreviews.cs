using System.Diagnostics;
using Marten;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Studies;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

/// <summary>One trial of a preview, with what only the researcher is told about it.</summary>
public sealed record PreviewStep(TrialView View, string Note);

/// <summary>
/// A researcher's walk through a study as a participant would see it (<see cref="StudyPreview"/>): read-only, so a
/// preview stores no session, claims no slot and records no answer, whatever the study's state.
/// </summary>
public sealed class StudyPreviews(IDocumentStore store, TimeProvider clock)
{
    public async Task<(Study Study, IReadOnlyList<PreviewStep> Steps)> StartAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var ready = await StudyCatalog.ReadyVideosAsync(session, studyId, cancellationToken);
        var golds = AssigningTrial.GoldSources(study.Settings, ready);
        var plan = new StudyPlan(study.Version, StudyCatalog.Plan(study, ready), golds, ready.ToDictionary(v => v.Id), Stopwatch.GetTimestamp());
        var now = clock.GetUtcNow();
        var sequence = StudyPreview.Trials(studyId, study.Settings, plan.Trials, golds, Random.Shared, now);
        var nobody = ParticipantSession.Create(new SessionStarted(Guid.Empty, studyId, "preview", "preview", null, null, string.Empty, now));
        var steps = new List<PreviewStep>();
        foreach (var trial in sequence)
        {
            var view = await TrialViews.ViewAsync(session, study, nobody, trial, plan, cancellationToken);
            steps.Add(new PreviewStep(view with { Done = steps.Count, Total = sequence.Count }, Note(study.Settings, trial)));
        }
        return (study, steps);
    }

    private static string Note(StudySettings settings, TrialAssigned trial)
    {
        if (trial.IsGold)
            return $"Attention check (a gold trial): the expected answer is {KeyMap.Label(trial.CorrectChoice!.Value, settings.Kind == StudyKind.Pairwise).ToLowerInvariant()}.";
        string Label(TrialVideo video) => settings.Conditions.FirstOrDefault(c => c.Key == video.Condition)?.Label ?? video.Condition;
        var where = trial.Right is null ? Label(trial.Left) : $"left {Label(trial.Left)}, right {Label(trial.Right)}";
        return $"{where}; prompt “{trial.Prompt}”" + (string.IsNullOrEmpty(trial.Task) ? "." : $", task {trial.Task}.");
    }
}
