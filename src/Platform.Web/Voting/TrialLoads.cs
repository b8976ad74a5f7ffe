using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Marten;
using Platform.Voting;

namespace Platform.Web.Voting.Slots;

/// <summary>
/// Each study's trial loads (live slots per trial), read at most every <see cref="Freshness"/> per process, plus the
/// claims this process made since that read. They only steer the choice of trial towards the least judged and the
/// sides towards balance; the k limit itself is the slot claim's, so a load a moment old (another process's claims)
/// costs at most a claim that finds the trial full and a second choice.
/// </summary>
public sealed class TrialLoads(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(250);

    // Times are the process's (Stopwatch), not the study's clock: how old a read is has nothing to do with the time
    // participants answer at.
    private sealed record Read(IReadOnlyDictionary<Guid, TrialLoad> Loads, long At);

    private sealed record Claim(Guid TrialId, string? LeftCondition, long At);

    private readonly SharedReads<Guid, Read> _reads = new();
    private readonly ConcurrentDictionary<Guid, ImmutableList<Claim>> _claims = new();

    /// <param name="fresh">
    /// Read now, whatever this process read a moment ago, and return the read alone (before concluding nothing is free):
    /// a claim counted from memory may be in the read already, and a trial counted twice would look full when it is not.
    /// </param>
    public async Task<IReadOnlyDictionary<Guid, TrialLoad>> GetAsync(Guid studyId, TimeSpan abandonAfter, bool fresh, CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        var read = await _reads.GetAsync(studyId, r => fresh ? r.At >= asked : Stopwatch.GetElapsedTime(r.At) < Freshness,
            () => ReadAsync(studyId, abandonAfter), cancellationToken);
        if (fresh) return read.Loads;
        // A claim made after the read started may be missing from it: count it (at worst twice, for a moment).
        var since = _claims.GetValueOrDefault(studyId, []).Where(c => c.At >= read.At).ToList();
        if (since.Count == 0) return read.Loads;
        var loads = new Dictionary<Guid, TrialLoad>(read.Loads);
        foreach (var claim in since)
        {
            var load = loads.GetValueOrDefault(claim.TrialId, new TrialLoad(0));
            loads[claim.TrialId] = new TrialLoad(load.Live + 1, claim.LeftCondition is null ? load.LeftConditions : [.. load.LeftConditions ?? [], claim.LeftCondition]);
        }
        return loads;
    }

    /// <summary>This process claimed a slot (and committed it): the next participants see it before the next read.</summary>
    public void Claimed(Guid studyId, Guid trialId, string? leftCondition)
    {
        var claim = new Claim(trialId, leftCondition, Stopwatch.GetTimestamp());
        _claims.AddOrUpdate(studyId, _ => [claim], (_, claims) => claims.Add(claim));
    }

    private async Task<Read> ReadAsync(Guid studyId, TimeSpan abandonAfter)
    {
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession();
        var counts = await SlotLedger.CountLiveAsync(session, studyId, HoldingSlots.Cutoff(now, abandonAfter), CancellationToken.None);
        // Claims committed before this read started are in it.
        _claims.AddOrUpdate(studyId, _ => [], (_, claims) => claims.RemoveAll(c => c.At < started));
        return new Read(HoldingSlots.Loads(counts.Select(c => (c.TrialId, c.LeftCondition, c.Live))), started);
    }
}
