using Marten;
using Platform.Studies;
using Platform.Voting;

namespace Platform.Web.Voting.Slots;

/// <summary>
/// Picks a trial for a participant (<see cref="AssigningTrial"/>, on the study's trial loads and, in an adaptive study,
/// its goal's open units) and claims its slot in the
/// session's transaction, taking the next choice when a claim finds the trial full.
/// </summary>
public sealed class TrialClaims(TrialLoads loads, StudyGoals goals)
{
    /// <summary>Choices tried per round of claims; a claim that finds a trial full takes the next choice.</summary>
    private const int ClaimsPerRead = 4;

    /// <summary>
    /// Nothing is concluded from a load a moment old, nor from slots other participants are claiming right now: first
    /// the loads as last read, skipping slots in flight; then the loads read afresh; last, waiting for the claims in
    /// flight (a claim can roll back), the only round that may find every trial full and end the session.
    /// </summary>
    private static readonly (bool Fresh, bool Wait)[] Rounds = [(false, false), (true, false), (true, true)];

    /// <summary>A trial for the participant, its slot claimed in the session's transaction; null when none was free.</summary>
    /// <param name="firstRoundOnly">
    /// Only the loads as last read, skipping slots in flight (the trial handed out with an answer): null then means
    /// "none found quickly", not "none left".
    /// </param>
    public async Task<TrialAssigned?> ClaimAsync(IDocumentSession session, Study study, ParticipantSession participant, StudyPlan plan, DateTimeOffset now,
        TimeSpan abandonAfter, bool firstRoundOnly, CancellationToken cancellationToken)
    {
        var settings = study.Settings;
        var cutoff = HoldingSlots.Cutoff(now, abandonAfter);
        var adaptive = (await goals.GetAsync(study, cancellationToken))?.Adaptive;
        foreach (var (fresh, wait) in Rounds.Take(firstRoundOnly ? 1 : Rounds.Length))
        {
            // Trials a claim found full in this round; the last round goes on until every trial is.
            var full = new HashSet<Guid>();
            for (var tries = 0; wait || tries < ClaimsPerRead; tries++)
            {
                var trialLoads = await loads.GetAsync(study.Id, abandonAfter, fresh && tries == 0, cancellationToken);
                var assigned = AssigningTrial.Next(participant, settings, plan.Trials, trialLoads, plan.Golds, Random.Shared, now, full, adaptive);
                if (assigned is null) break;
                if (assigned.IsGold
                    || await SlotLedger.ClaimAsync(session, assigned.TrialId, participant.Id, assigned.Left.Condition, settings.JudgmentsPerTrial, now, cutoff, null, cancellationToken, wait))
                    return assigned;
                full.Add(assigned.TrialId);
            }
        }
        return null;
    }

    /// <summary>After the commit: the next participants of this process see the claim before the next read of the loads.</summary>
    public void Committed(Study study, TrialAssigned? assigned)
    {
        if (assigned is { IsGold: false }) loads.Claimed(study.Id, assigned.TrialId, assigned.Left.Condition);
    }
}
