using Marten;
using Platform.Voting;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Web.Voting.Slots;

/// <summary>Live slots of a study counted per trial and left condition.</summary>
public sealed record SlotCount(Guid TrialId, string? LeftCondition, int Live);

/// <summary>A trial's answered slots.</summary>
public sealed record JudgedCount(Guid TrialId, int Judged);

/// <summary>
/// The k slots of every planned trial, one row each (<c>voting_slots</c>). Each statement here is one atomic
/// UPDATE on a trial's own rows, run in the caller's transaction beside the session's events: no study-wide lock,
/// and <c>FOR UPDATE SKIP LOCKED</c> lets participants racing for a trial's last slots take different rows or none.
/// The conditions mirror <see cref="HoldingSlots"/>: a slot is free when it was never claimed, or claimed and left
/// unanswered since before the cutoff.
/// </summary>
public static class SlotLedger
{
    public const string TableName = "voting_slots";

    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("trial_id").AsPrimaryKey();
        table.AddColumn<int>("slot").AsPrimaryKey();
        table.AddColumn<Guid>("study_id").NotNull();
        table.AddColumn("session_id", "uuid");
        table.AddColumn("left_condition", "text");
        table.AddColumn("assigned_at", "timestamp with time zone");
        table.AddColumn("judged_at", "timestamp with time zone");
        // The live slots of a study, read for the trial loads.
        table.Indexes.Add(new IndexDefinition("ix_voting_slots_claimed") { Columns = ["study_id"], Predicate = "session_id is not null" });
        // A session's slot of a trial (answer, refresh), found without reading the trial's other k − 1 slots.
        table.Indexes.Add(new IndexDefinition("ix_voting_slots_session") { Columns = ["trial_id", "session_id"], Predicate = "session_id is not null" });
        return table;
    }

    /// <summary>
    /// Makes slots 0 … k − 1 of each trial (those that exist stay as they are). Rows that exist are left out before
    /// the insert: <c>on conflict</c> alone would wait for every transaction holding one of them (answers in flight).
    /// </summary>
    public static async Task EnsureAsync(IQuerySession session, Guid studyId, IReadOnlyCollection<Guid> trialIds, int judgmentsPerTrial, CancellationToken cancellationToken)
    {
        if (trialIds.Count == 0) return;
        await session.QueryAsync<int>($"""
            with made as (
                insert into {TableName} (trial_id, slot, study_id)
                select t, s, ? from unnest(?) as t cross join generate_series(0, ? - 1) as s
                where not exists (select 1 from {TableName} v where v.trial_id = t and v.slot = s)
                on conflict do nothing returning 1)
            select count(*)::int from made
            """, cancellationToken, studyId, trialIds.ToArray(), judgmentsPerTrial);
    }

    /// <summary>Claims a free slot of the trial for the session; false when none is free (the trial is full for now).</summary>
    /// <param name="judgedAt">Set when the claim is for an answer (a session whose slot went to someone else).</param>
    /// <param name="waitForClaimsInFlight">
    /// Wait for the slots other transactions are claiming right now instead of skipping them: a claim in flight may
    /// still roll back (another tab of its session won), so only after waiting is a trial known to be full.
    /// </param>
    public static async Task<bool> ClaimAsync(IDocumentSession session, Guid trialId, Guid sessionId, string? leftCondition, int judgmentsPerTrial,
        DateTimeOffset now, DateTimeOffset cutoff, DateTimeOffset? judgedAt, CancellationToken cancellationToken, bool waitForClaimsInFlight = false) =>
        (await session.QueryAsync<int>($"""
            with claimed as (
                update {TableName} set session_id = ?, left_condition = ?, assigned_at = ?, judged_at = ?
                where (trial_id, slot) = (
                    select trial_id, slot from {TableName}
                    where trial_id = ? and slot < ? and judged_at is null and (session_id is null or assigned_at <= ?)
                    order by slot limit 1 for update {(waitForClaimsInFlight ? "" : "skip locked")})
                returning slot)
            select slot from claimed
            """, cancellationToken, sessionId, (object?)leftCondition ?? DBNull.Value, now, judgedAt is null ? DBNull.Value : judgedAt.Value, trialId, judgmentsPerTrial, cutoff)).Count == 1;

    /// <summary>The session shows its trial again: its hold starts anew. False when the slot went to someone else.</summary>
    public static async Task<bool> RefreshAsync(IQuerySession session, Guid trialId, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await session.QueryAsync<int>($"""
            with refreshed as (
                update {TableName} set assigned_at = ?
                where trial_id = ? and session_id = ? and judged_at is null
                returning slot)
            select slot from refreshed
            """, cancellationToken, now, trialId, sessionId)).Count == 1;

    /// <summary>
    /// Spends the session's slot on its answer, taking the study's lock shared (only a breaking settings change takes
    /// it exclusively, so answers never wait for each other). False when the slot went to someone else.
    /// </summary>
    public static async Task<bool> JudgeAsync(IDocumentSession session, Guid studyId, Guid trialId, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await session.QueryAsync<int>($"""
            with study as (select pg_advisory_xact_lock_shared(?)),
            judged as (
                update {TableName} set judged_at = ?
                from study
                where trial_id = ? and session_id = ? and judged_at is null
                returning slot)
            select slot from judged
            """, cancellationToken, Hosting.Database.AdvisoryLocks.Key64(studyId), now, trialId, sessionId)).Count == 1;

    /// <summary>Gives the session's unanswered slot of the trial back to the pool at once (the participant returned the study).</summary>
    public static Task ReleaseAsync(IDocumentSession session, Guid trialId, Guid sessionId, CancellationToken cancellationToken) =>
        session.QueryAsync<int>($"""
            with freed as (
                update {TableName} set session_id = null, left_condition = null, assigned_at = null
                where trial_id = ? and session_id = ? and judged_at is null
                returning slot)
            select slot from freed
            """, cancellationToken, trialId, sessionId);

    /// <summary>Whether any slot of the study is held (handed out after the cutoff) and not answered yet.</summary>
    public static async Task<bool> AnyHeldAsync(IQuerySession session, Guid studyId, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        (await session.QueryAsync<int>($"select 1 from {TableName} where study_id = ? and session_id is not null and judged_at is null and assigned_at > ? limit 1",
            cancellationToken, studyId, cutoff)).Count > 0;

    /// <summary>Whether the session's answer already spent a slot of the trial.</summary>
    public static async Task<bool> JudgedByAsync(IQuerySession session, Guid trialId, Guid sessionId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<int>($"select slot from {TableName} where trial_id = ? and session_id = ? and judged_at is not null",
            cancellationToken, trialId, sessionId)).Count > 0;

    /// <summary>The study's lock, shared: for answers that spend no slot (gold trials), like <see cref="JudgeAsync"/>.</summary>
    public static Task ShareStudyLockAsync(IDocumentSession session, Guid studyId, CancellationToken cancellationToken) =>
        session.QueryAsync<int>("select 1 from (select pg_advisory_xact_lock_shared(?)) as locked", cancellationToken, Hosting.Database.AdvisoryLocks.Key64(studyId));

    /// <summary>The answered slots of the study's trials that have any, per trial.</summary>
    public static async Task<IReadOnlyList<JudgedCount>> CountJudgedAsync(IQuerySession session, Guid studyId, CancellationToken cancellationToken) =>
        await session.QueryAsync<JudgedCount>($"""
            select json_build_object('TrialId', trial_id, 'Judged', count(*))
            from {TableName}
            where study_id = ? and judged_at is not null
            group by trial_id
            """, cancellationToken, studyId);

    /// <summary>Live slots (answered, or held since after the cutoff) of the study, counted per trial and left condition.</summary>
    public static async Task<IReadOnlyList<SlotCount>> CountLiveAsync(IQuerySession session, Guid studyId, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await session.QueryAsync<SlotCount>($"""
            select json_build_object('TrialId', trial_id, 'LeftCondition', left_condition, 'Live', count(*))
            from {TableName}
            where study_id = ? and session_id is not null and (judged_at is not null or assigned_at > ?)
            group by trial_id, left_condition
            """, cancellationToken, studyId, cutoff);
}
