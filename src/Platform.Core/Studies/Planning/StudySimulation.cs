using Platform.Voting;

namespace Platform.Studies;

/// <summary>The true chances of one unit in a simulated study: its first condition preferred (or a success), or the same.</summary>
public sealed record UnitTruth(GoalUnit Unit, double First, double Same)
{
    /// <summary>What the unit's interval estimates: the success rate, or G − B.</summary>
    /// <remarks>Rounded to 12 places, so equal conditions come out exactly 0, not a rounding error either side.</remarks>
    public double Mean => Math.Round(Unit.Second is null ? First : First - (1 - First - Same), 12);

    /// <summary>The true value a goal's interval for this unit estimates (<see cref="StoppingRules.MeasureOf"/>).</summary>
    public double TrueValue(GoalKind kind) => kind is GoalKind.BeatsBaseline or GoalKind.TopCondition or GoalKind.RankingPrecision ? Share : Mean;

    /// <summary>The share preferring the first condition among the answers that are not "same".</summary>
    public double Share => Math.Round(First / (1 - Same), 12);
}

/// <summary>How one simulated study went.</summary>
/// <param name="Covered">Final intervals that hold their unit's true value, of <paramref name="Intervals"/>.</param>
/// <param name="Wrong">A decision goal decided something false: a pair the wrong way (or a tie as a win), or the wrong top condition.</param>
public sealed record SimulatedStudy(long Judgments, int Participants, GoalStatus Final, int Covered, int Intervals, bool Wrong);

/// <summary>
/// Runs a study on made-up participants whose answers follow known chances, through the same rules a live study uses
/// (<see cref="ActiveSampling.Choose"/> for the assignment, <see cref="StoppingRules.Assess"/> after every judgment):
/// participants arrive one after another, each takes up to its trials, never one twice, until the goal is met. Uniform
/// assignment is the fixed-k rule (least-judged trial first, whatever the units' state) run until the same goal is met.
/// </summary>
public static class StudySimulation
{
    /// <param name="trialsPerUnit">Trials each unit has: the prompts (and seeds) every condition pair was generated for.</param>
    /// <param name="cap">Judgments a trial takes at most (the study's k).</param>
    /// <param name="trialsPerParticipant">Judged trials per participant, gold ones left out.</param>
    /// <param name="tiesPossible">Whether the scale has "same" (<see cref="StoppingRules.Assess"/>).</param>
    /// <param name="cancellationToken">Checked after every judgment: a study with a huge budget may run long.</param>
    public static SimulatedStudy Run(StudyGoal goal, IReadOnlyList<UnitTruth> truth, int trialsPerUnit, int cap, int trialsPerParticipant, bool adaptive, Random random,
        bool tiesPossible = true, CancellationToken cancellationToken = default)
    {
        var units = truth.Count;
        var trials = units * trialsPerUnit;
        var loads = new int[trials];
        var seenBy = new int[trials];
        var counts = new long[units, 3];
        var candidates = new List<Candidate>(trials);
        // Units stay stopped on the interval they stopped with, as a live study records them (GoalUnitsStopped).
        var stopped = new Dictionary<string, UnitOutcome>(StringComparer.Ordinal);
        var status = StoppingRules.Assess(goal, Counts(truth, counts), project: false, tiesPossible, stopped);
        var participants = 0;
        var judgments = 0L;

        while (!status.Met)
        {
            participants++;
            var taken = 0;
            for (; taken < trialsPerParticipant && !status.Met; taken++)
            {
                candidates.Clear();
                for (var t = 0; t < trials; t++)
                {
                    if (seenBy[t] != participants && loads[t] < cap) candidates.Add(new Candidate(t, truth[t / trialsPerUnit].Unit.Name, loads[t]));
                }
                var weights = adaptive ? ActiveSampling.OpenWeights(status, Counts(truth, counts)) : null;
                var chosen = ActiveSampling.Choose(candidates, weights, goal.FloorPerTrial, random);
                if (chosen < 0) break;
                seenBy[chosen] = participants;
                loads[chosen]++;
                var unit = chosen / trialsPerUnit;
                var u = random.NextDouble();
                counts[unit, u < truth[unit].First ? 0 : u < truth[unit].First + truth[unit].Same ? 1 : 2]++;
                judgments++;
                status = StoppingRules.Assess(goal, Counts(truth, counts), project: false, tiesPossible, stopped);
                foreach (var newly in StoppingRules.NewlyStopped(status, stopped)) stopped[newly.Unit] = newly;
                // After every judgment: a large design spends milliseconds on each (its candidates and its units).
                cancellationToken.ThrowIfCancellationRequested();
            }
            // A newcomer who finds nothing: every trial is at its cap, and the goal cannot be met.
            if (taken == 0) break;
        }
        return Outcome(goal, truth, status, judgments, participants);
    }

    private static UnitCounts[] Counts(IReadOnlyList<UnitTruth> truth, long[,] counts) =>
        [.. truth.Select((t, i) => new UnitCounts(t.Unit, counts[i, 0], counts[i, 1], counts[i, 2]))];

    private static SimulatedStudy Outcome(StudyGoal goal, IReadOnlyList<UnitTruth> truth, GoalStatus final, long judgments, int participants)
    {
        var covered = final.Units.Zip(truth).Count(p => p.First.Low <= p.Second.TrueValue(goal.Kind) && p.Second.TrueValue(goal.Kind) <= p.First.High);
        var intervals = truth.Count;
        if (final.Ratings is { } ratings)
        {
            // A ranking's intervals are its ratings: each against the mean of its true Elo differences.
            var rated = TrueRatings(truth);
            covered = ratings.Count(r => r.Low <= rated[r.Unit] + 1e-9 && rated[r.Unit] - 1e-9 <= r.High);
            intervals = ratings.Count;
        }
        var wrong = goal.Kind switch
        {
            GoalKind.BeatsBaseline => final.Units.Zip(truth).Any(p => p.First.State == UnitState.Decided && (p.First.Low > 0.5 ? 1 : -1) != Math.Sign(p.Second.Mean)),
            GoalKind.TopCondition => final.Top is { } top && top != TrueTop(truth),
            _ => false,
        };
        return new SimulatedStudy(judgments, participants, final, covered, intervals, wrong);
    }

    /// <summary>Each condition's true rating: the mean of its Elo differences to every condition, itself included at 0.</summary>
    public static IReadOnlyDictionary<string, double> TrueRatings(IReadOnlyList<UnitTruth> pairs)
    {
        var conditions = pairs.SelectMany(p => new[] { p.Unit.First, p.Unit.Second! }).Distinct().ToList();
        return conditions.ToDictionary(c => c, c => pairs.Sum(p =>
            p.Unit.First == c ? RankingPrecision.Elo(p.Share) : p.Unit.Second == c ? -RankingPrecision.Elo(p.Share) : 0) / conditions.Count);
    }

    /// <summary>The condition that beats every other in truth (G − B &gt; 0 in each of its pairs); null when none does.</summary>
    public static string? TrueTop(IReadOnlyList<UnitTruth> pairs)
    {
        var conditions = pairs.SelectMany(p => new[] { p.Unit.First, p.Unit.Second! }).Distinct();
        return conditions.FirstOrDefault(c => pairs.Where(p => p.Unit.First == c || p.Unit.Second == c)
            .All(p => p.Unit.First == c ? p.Mean > 0 : p.Mean < 0));
    }
}
