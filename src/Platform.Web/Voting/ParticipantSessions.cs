using System.Security.Cryptography;
using JasperFx;
using Marten;
using Platform.Common;
using Platform.Studies;

namespace Platform.Voting;

public sealed record Participant(string ParticipantId, string Source, string? ExternalStudyId = null, string? ExternalSessionId = null);

/// <summary>What a participant sees of a trial: opaque media URLs and sides, never a condition or a file name.</summary>
public sealed record TrialView(Guid TrialId, StudyKind Kind, string Question, string? SuccessCriterion, IReadOnlyList<Choice> Choices, IReadOnlyList<VideoView> Videos, int Done, int Total);

/// <summary>
/// One video of a trial. No poster: the two sides of a gold trial share their first frame, so posters (one file, one
/// URL) would tell a gold trial apart before it plays; the player preloads, so the first frame shows anyway.
/// </summary>
/// <param name="FrameRate">Frames per second, for the player's frame step; null when unknown.</param>
public sealed record VideoView(string Position, string Url, double? FrameRate = null);

public abstract record NextTrial
{
    public sealed record Trial(TrialView View) : NextTrial;
    public sealed record Finished(string CompletionCode, string? CompletionUrl) : NextTrial;
}

/// <summary>
/// The participant side of a study: sessions, handing out trials under the study's lock so no trial passes k, and
/// recording answers idempotently in each session's own stream.
/// </summary>
public sealed class ParticipantSessions(IDocumentStore store, IConfiguration configuration, TimeProvider clock)
{
    private TimeSpan AbandonAfter => configuration.GetValue("Voting:AbandonAfter", TimeSpan.FromMinutes(20));

    /// <returns>The session and whether it was created now (false: the participant already had one).</returns>
    public async Task<(ParticipantSession Session, bool Created)> StartAsync(Guid studyId, Participant participant, CancellationToken cancellationToken)
    {
        var id = (participant.ParticipantId ?? string.Empty).Trim();
        if (id.Length is 0 or > 200)
            throw new DomainException("A participant id of 1 to 200 characters is needed (Prolific sends PROLIFIC_PID).", DomainError.Unprocessable);
        await using var session = store.LightweightSession();
        var existing = await FindAsync(session, studyId, id, cancellationToken);
        if (existing is not null) return (existing, false);

        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        if (study.Status != StudyStatus.Open)
            throw new DomainException(NotOpenMessage(study), DomainError.Conflict);
        var started = new SessionStarted(Guid.NewGuid(), studyId, id, participant.Source == "prolific" ? "prolific" : "direct",
            participant.ExternalStudyId, participant.ExternalSessionId, NewToken(), clock.GetUtcNow());
        session.Events.StartStream<ParticipantSession>(started.SessionId, started);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return (ParticipantSession.Create(started), true);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same participant started twice at once (two tabs): the first session stands.
            await using var again = store.QuerySession();
            return ((await FindAsync(again, studyId, id, cancellationToken))!, false);
        }
    }

    /// <summary>The participant's session of this study, if they have started one.</summary>
    public async Task<ParticipantSession?> FindAsync(Guid studyId, string participantId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await FindAsync(session, studyId, participantId.Trim(), cancellationToken);
    }

    public async Task<(Study Study, ParticipantSession Session)> GetWithStudyAsync(string token, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var participant = await ByTokenAsync(session, token, cancellationToken);
        var study = await session.LoadAsync<Study>(participant.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        return (study, participant);
    }

    /// <summary>The pending trial again (a reload resumes it), or a new one, or the end.</summary>
    public async Task<NextTrial> NextAsync(string token, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var participant = await ByTokenAsync(session, token, cancellationToken);
        var study = await session.LoadAsync<Study>(participant.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        if (participant.Completed) return Finished(study);

        await StudyLock.AcquireAsync(session, study.Id, cancellationToken);
        var stream = await session.Events.FetchForWriting<ParticipantSession>(participant.Id, cancellationToken);
        participant = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var slots = await session.Query<TrialSlot>().Where(s => s.StudyId == study.Id).ToListAsync(cancellationToken);

        if (participant.Pending is { } pending)
        {
            var slot = slots.Single(s => s.Id == TrialSlot.IdFor(participant.Id, pending.TrialId));
            if (slot.IsLive(now - AbandonAfter) || pending.IsGold || HasRoom(slots, slot, study, now))
            {
                slot.AssignedAt = now;
                session.Store(slot);
                await session.SaveChangesAsync(cancellationToken);
                return new NextTrial.Trial(await ViewAsync(session, study, participant, pending, cancellationToken));
            }
            // Left too long, and others filled the trial meanwhile: it goes, and the participant gets another.
            slot.Released = true;
            session.Store(slot);
            stream.AppendOne(new AssignmentReleased(participant.Id, pending.TrialId, now));
        }

        if (study.Status != StudyStatus.Open)
        {
            await session.SaveChangesAsync(cancellationToken);
            throw new DomainException(NotOpenMessage(study), DomainError.Conflict);
        }
        var ready = await StudyCatalog.ReadyVideosAsync(session, study.Id, cancellationToken);
        var plan = StudyCatalog.Plan(study, ready);
        var cutoff = now - AbandonAfter;
        var loads = slots.Where(s => !s.IsGold && s.IsLive(cutoff)).GroupBy(s => s.TrialId)
            .ToDictionary(g => g.Key, g => new TrialLoad(g.Count(), [.. g.Select(s => s.LeftCondition).OfType<string>()]));
        var golds = AssigningTrial.GoldSources(study.Settings, ready);
        var assigned = AssigningTrial.Next(participant, study.Settings, plan, loads, golds, Random.Shared, now);
        if (assigned is null)
        {
            if (participant.Judgments.Count == 0)
            {
                await session.SaveChangesAsync(cancellationToken);
                throw new DomainException("No trial is free for you right now: this study has all the judgments it needs. Thank you for your interest.", DomainError.Conflict);
            }
            stream.AppendOne(new SessionCompleted(participant.Id, study.Id, now));
            await session.SaveChangesAsync(cancellationToken);
            return Finished(study);
        }
        // The aggregate is left as loaded: Marten folds the appended events into it for the inline snapshot.
        stream.AppendOne(assigned);
        session.Store(new TrialSlot
        {
            Id = TrialSlot.IdFor(participant.Id, assigned.TrialId),
            StudyId = study.Id,
            TrialId = assigned.TrialId,
            SessionId = participant.Id,
            IsGold = assigned.IsGold,
            LeftCondition = assigned.Left.Condition,
            AssignedAt = now,
        });
        await session.SaveChangesAsync(cancellationToken);
        return new NextTrial.Trial(await ViewAsync(session, study, participant, assigned, cancellationToken));
    }

    /// <returns>The stored judgment and whether it was recorded now (false: an identical replay).</returns>
    public async Task<(JudgmentRecorded Judgment, bool Created)> RecordAsync(string token, RecordJudgment command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryRecordAsync(token, command, cancellationToken);
            }
            catch (ConcurrencyException) when (attempt < 3)
            {
                // Another request of this session (a double click) wrote first: decide again on what it stored.
            }
        }
    }

    private async Task<(JudgmentRecorded, bool)> TryRecordAsync(string token, RecordJudgment command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var participant = await ByTokenAsync(session, token, cancellationToken);
        var study = await session.LoadAsync<Study>(participant.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var stream = await session.Events.FetchForWriting<ParticipantSession>(participant.Id, cancellationToken);
        participant = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var outcome = RecordingJudgment.Handle(participant, study.Settings, command with { SessionId = participant.Id }, now);
        if (outcome is JudgmentOutcome.Replayed) return (outcome.Judgment, false);

        if (study.Status == StudyStatus.Closed)
            throw new DomainException("The study has closed; it takes no more answers.", DomainError.Conflict);
        var slot = await session.LoadAsync<TrialSlot>(TrialSlot.IdFor(participant.Id, command.TrialId), cancellationToken);
        if (slot is null || slot.Released)
            throw new DomainException("This trial is no longer assigned to this session; load the next trial.", DomainError.Conflict);
        await StudyLock.AcquireAsync(session, study.Id, cancellationToken);
        if (!slot.IsGold && !slot.IsLive(now - AbandonAfter))
        {
            // An answer after a long pause counts only while the trial still has room under k.
            var others = await session.Query<TrialSlot>().Where(s => s.TrialId == command.TrialId && s.StudyId == study.Id).ToListAsync(cancellationToken);
            if (!HasRoom(others, slot, study, now))
                throw new DomainException("This trial went to someone else after a long pause; load the next trial.", DomainError.Conflict);
        }

        var completes = RecordingJudgment.Completes(participant, study.Settings);
        stream.AppendOne(outcome.Judgment);
        slot.JudgedAt = now;
        session.Store(slot);
        if (completes)
            stream.AppendOne(new SessionCompleted(participant.Id, study.Id, now));
        await session.SaveChangesAsync(cancellationToken);
        return (outcome.Judgment, true);
    }

    private bool HasRoom(IEnumerable<TrialSlot> slots, TrialSlot mine, Study study, DateTimeOffset now) =>
        slots.Count(s => s.TrialId == mine.TrialId && s.Id != mine.Id && s.IsLive(now - AbandonAfter)) < study.Settings.JudgmentsPerTrial;

    private static async Task<TrialView> ViewAsync(IQuerySession session, Study study, ParticipantSession participant, TrialAssigned trial, CancellationToken cancellationToken)
    {
        var videos = new List<VideoView>();
        foreach (var (video, position) in trial.Right is null ? [(trial.Left, "single")] : new[] { (trial.Left, "left"), (trial.Right, "right") })
        {
            var candidate = await session.LoadAsync<CandidateVideo>(video.VideoId, cancellationToken)
                ?? throw new InvalidOperationException($"Video {video.VideoId} of an assigned trial is missing.");
            var media = video.Condition switch
            {
                AssigningTrial.DegradedCondition => candidate.DegradedMediaId,
                AssigningTrial.CorruptedCondition => candidate.CorruptedMediaId,
                _ => candidate.MediaId,
            };
            // Every copy has the clean video's frame rate, so the rate does not tell a gold trial apart either.
            videos.Add(new VideoView(position, $"/media/{media}", candidate.FrameRate > 0 ? candidate.FrameRate : null));
        }
        var settings = study.Settings;
        return new TrialView(trial.TrialId, settings.Kind, settings.Question, settings.SuccessCriterion, Choices.Allowed(settings), videos,
            participant.Judgments.Count, settings.TrialsPerParticipant);
    }

    private static NextTrial.Finished Finished(Study study) => new NextTrial.Finished(study.Settings.CompletionCode, study.Settings.CompletionUrl);

    private static async Task<ParticipantSession?> FindAsync(IQuerySession session, Guid studyId, string participantId, CancellationToken cancellationToken) =>
        await session.Query<ParticipantSession>().FirstOrDefaultAsync(s => s.StudyId == studyId && s.ParticipantId == participantId, cancellationToken);

    private static async Task<ParticipantSession> ByTokenAsync(IQuerySession session, string token, CancellationToken cancellationToken) =>
        await session.Query<ParticipantSession>().FirstOrDefaultAsync(s => s.Token == token, cancellationToken)
            ?? throw new DomainException("There is no session with this token.", DomainError.NotFound);

    public static string NotOpenMessage(Study study) => study.Status switch
    {
        StudyStatus.Paused => "The study is paused for a moment; try again a little later.",
        StudyStatus.Closed => "The study has closed and takes no more participants.",
        _ => "The study is not open yet.",
    };

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
