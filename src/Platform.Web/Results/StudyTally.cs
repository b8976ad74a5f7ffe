using Marten;
using Platform.Results;

namespace Platform.Web.Results;

/// <summary>
/// What a study has collected so far, folded on read from the <see cref="TallyPart"/>s of its streams (so no row is
/// shared by every judgment of a study). <see cref="Version"/> is the sequence number of the last event that changes
/// the study's results — its judgments, imports and settings (exclusion rules) — and keys the cache of full results.
/// </summary>
public sealed class StudyTally
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    /// <summary>Judgments that count: recorded ones without gold, plus imported ones.</summary>
    public int Judgments { get; set; }
    public int GoldJudgments { get; set; }
    public int Imported { get; set; }
    public HashSet<string> Participants { get; set; } = [];
    /// <summary>When the first and last judgment recorded here (gold included, imports not) came in.</summary>
    public DateTimeOffset? FirstJudgmentAt { get; set; }
    public DateTimeOffset? LastJudgmentAt { get; set; }

    /// <summary>Recorded answers per condition or condition pair (<see cref="TallyPart.Counts"/>), imports left out.</summary>
    public Dictionary<string, long[]> Counts { get; set; } = [];

    /// <summary>The judgments the two timestamps span, for the time-left estimate.</summary>
    public JudgmentPace Pace() => new(Judgments - Imported + GoldJudgments, GoldJudgments, FirstJudgmentAt, LastJudgmentAt);

    /// <param name="legacy">
    /// The study-wide tally document that an inline projection kept before tallies were split per stream; frozen
    /// since, it holds what came before (null for studies begun after).
    /// </param>
    public static StudyTally Fold(Guid studyId, IEnumerable<TallyPart> parts, StudyTally? legacy)
    {
        var tally = new StudyTally { Id = studyId };
        var all = legacy is null ? parts : parts.Append(new TallyPart
        {
            Version = legacy.Version,
            Judgments = legacy.Judgments,
            GoldJudgments = legacy.GoldJudgments,
            Imported = legacy.Imported,
            Participants = [.. legacy.Participants],
            FirstJudgmentAt = legacy.FirstJudgmentAt,
            LastJudgmentAt = legacy.LastJudgmentAt,
        });
        foreach (var part in all)
        {
            tally.Version = Math.Max(tally.Version, part.Version);
            tally.Judgments += part.Judgments;
            tally.GoldJudgments += part.GoldJudgments;
            tally.Imported += part.Imported;
            tally.Participants.UnionWith(part.Participants);
            tally.FirstJudgmentAt = Earlier(tally.FirstJudgmentAt, part.FirstJudgmentAt);
            tally.LastJudgmentAt = Later(tally.LastJudgmentAt, part.LastJudgmentAt);
            foreach (var (key, row) in part.Counts)
            {
                if (!tally.Counts.TryGetValue(key, out var sum)) tally.Counts[key] = sum = new long[3];
                for (var i = 0; i < 3; i++) sum[i] += row[i];
            }
        }
        return tally;
    }

    /// <summary>The study's tally as of the session's snapshot (in a repeatable-read transaction: the same one its judgments are read in).</summary>
    public static async Task<StudyTally> ReadAsync(IQuerySession session, Guid studyId, CancellationToken cancellationToken)
    {
        var parts = await session.Query<TallyPart>().Where(p => p.StudyId == studyId).ToListAsync(cancellationToken);
        var legacy = await session.LoadAsync<StudyTally>(studyId, cancellationToken);
        return Fold(studyId, parts, legacy);
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
