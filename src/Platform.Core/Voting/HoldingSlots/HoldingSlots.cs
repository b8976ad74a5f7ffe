namespace Platform.Voting;

/// <summary>One of a trial's k places: free, held by a session that was handed the trial, or spent on its answer.</summary>
public sealed record SlotHold(Guid? SessionId, DateTimeOffset? AssignedAt, DateTimeOffset? JudgedAt);

/// <summary>What to do with a session's unanswered trial when the session asks for a trial again.</summary>
public enum PendingDecision
{
    /// <summary>Show it again (a reload resumes it): a gold trial, or one whose slot the session still holds.</summary>
    Keep,

    /// <summary>Its slot went to someone else after a long pause: take another free slot of the same trial if there is one.</summary>
    TakeAnotherSlot,
}

/// <summary>
/// The rules of a trial's k slots, which keep any trial from passing k judgments without a study-wide lock: each
/// slot is claimed, refreshed or spent by one short atomic statement on its own row (the slot ledger mirrors
/// <see cref="IsFree"/> in SQL), so participants contend only when they hold the same slot.
/// </summary>
public static class HoldingSlots
{
    /// <summary>The shortest time a handed-out trial stays its participant's, whatever the videos' length.</summary>
    public static readonly TimeSpan MinimumHold = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long a handed-out trial stays its participant's before it returns to the pool: ten times the study's longest
    /// video (time to watch both sides, replay and decide), at least <see cref="MinimumHold"/>, at most
    /// <paramref name="ceiling"/> (the operator's Voting:AbandonAfter). Short enough that sessions which take a trial
    /// and never answer cannot keep a study looking full for long.
    /// </summary>
    /// <param name="studyTimeoutMinutes">The study's own timeout, when its researcher set one: it replaces the derived hold, still under the ceiling.</param>
    public static TimeSpan HoldFor(double longestVideoSeconds, TimeSpan ceiling, double? studyTimeoutMinutes = null)
    {
        if (studyTimeoutMinutes is { } minutes && minutes > 0)
        {
            var set = TimeSpan.FromMinutes(Math.Min(minutes, 24 * 60));
            return set < ceiling ? set : ceiling;
        }
        var watching = TimeSpan.FromSeconds(10 * Math.Clamp(longestVideoSeconds, 0, 24 * 60 * 60));
        return watching > MinimumHold ? (watching < ceiling ? watching : ceiling) : (MinimumHold < ceiling ? MinimumHold : ceiling);
    }

    /// <summary>When a newcomer who found every place held may ask again ("a few minutes").</summary>
    public static readonly TimeSpan RetryNewcomer = TimeSpan.FromMinutes(1);

    /// <summary>
    /// What a newcomer who finds every free place held is told: a study whose places are only held (by people who may
    /// still stop) is not full, and saying so would turn them away for good. (One with nothing held is full: the
    /// researchers' "study full" message.)
    /// </summary>
    public static string AllHeld(TimeSpan hold) =>
        $"Every place in this study is taken right now by people still answering; places come free within {Duration(hold)} if they stop. Please try again in a few minutes.";

    private static string Duration(TimeSpan hold) =>
        hold.TotalMinutes >= 1.5 ? $"{Math.Ceiling(hold.TotalMinutes):0} minutes" : $"{Math.Ceiling(hold.TotalSeconds):0} seconds";

    /// <summary>Holds older than this returned to the pool.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, TimeSpan abandonAfter) => now - abandonAfter;

    /// <summary>Counts against k: answered, or handed out recently enough that an answer may still come.</summary>
    public static bool IsLive(SlotHold slot, DateTimeOffset cutoff) =>
        slot.SessionId is not null && (slot.JudgedAt is not null || slot.AssignedAt > cutoff);

    /// <summary>May be handed to a session: never claimed, or claimed and left unanswered past the cutoff.</summary>
    public static bool IsFree(SlotHold slot, DateTimeOffset cutoff) => !IsLive(slot, cutoff);

    /// <summary>Slots 0 … k − 1 count; a study whose k was lowered leaves the higher ones unused.</summary>
    public static bool Counts(int slot, int judgmentsPerTrial) => slot >= 0 && slot < judgmentsPerTrial;

    /// <summary>
    /// Whether showing the pending trial again must first renew its hold. A slot returns to the pool only once held for
    /// <paramref name="abandonAfter"/>, so within half of that since the assignment it is surely still the session's,
    /// with time to answer: shown as it is, without a write.
    /// </summary>
    public static bool NeedsRefresh(TrialAssigned pending, DateTimeOffset now, TimeSpan abandonAfter) =>
        !pending.IsGold && now - pending.At >= abandonAfter / 2;

    /// <param name="stillHeld">Whether the session's slot row still names it (nobody claimed it after the cutoff).</param>
    public static PendingDecision Resume(TrialAssigned pending, bool stillHeld) =>
        pending.IsGold || stillHeld ? PendingDecision.Keep : PendingDecision.TakeAnotherSlot;

    /// <summary>
    /// Whether an answer to this assignment needs a slot: gold trials are shown to everyone and count against no k,
    /// every other answer spends the session's slot (or another free one of the trial, after a long pause).
    /// </summary>
    public static bool NeedsSlot(TrialAssigned assignment) => !assignment.IsGold;

    /// <summary>
    /// Trial loads from the live slots counted per trial and left condition (how the slot ledger reads them); what
    /// <see cref="AssigningTrial.Next"/> balances on.
    /// </summary>
    public static IReadOnlyDictionary<Guid, TrialLoad> Loads(IEnumerable<(Guid TrialId, string? LeftCondition, int Live)> counts) =>
        counts.GroupBy(c => c.TrialId).ToDictionary(g => g.Key, g => new TrialLoad(
            g.Sum(c => c.Live), [.. g.Where(c => c.LeftCondition is not null).SelectMany(c => Enumerable.Repeat(c.LeftCondition!, c.Live))]));
}
