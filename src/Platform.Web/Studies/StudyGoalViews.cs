using Marten;
using Platform.Common;
using Platform.Studies;
using Platform.Web.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Studies;

/// <summary>Where an adaptive study's goal stands, for the study page and the API.</summary>
/// <param name="Rule">The goal in words.</param>
/// <param name="ProjectedRemaining">Judgments the open units are projected to still need, if each is what it looks like now (at most their budgets).</param>
/// <param name="Measure">What each unit's estimate and interval are of: a success rate, G − B, or the share preferring the pair's first condition with ties left out.</param>
/// <param name="StoppedBy">Why and when the study closed itself, once it did.</param>
/// <param name="Ratings">A ranking precision goal's conditions: rating (Elo, mean 0), interval and state.</param>
/// <param name="Stalled">
/// A running study whose open units' trials have all had k judgments (<see cref="GoalRoom"/>): nobody can be given a
/// trial and the goal cannot be met until k is raised or prompts are added.
/// </param>
public sealed record GoalView(string Rule, StudyGoal Goal, bool Met, string Outcome, long Judgments, long ProjectedRemaining, string? Top, string Measure,
    IReadOnlyList<UnitOutcome> Units, StudyGoalMet? StoppedBy, IReadOnlyList<UnitOutcome>? Ratings = null, bool Stalled = false);

/// <summary>What the planner is asked: any figure left out takes the planner's default (<see cref="PlanningAssumptions"/>), the prompts the study's own count.</summary>
public sealed record PlanRequest(double? Effect = null, double? TieRate = null, double? SuccessRate = null, double? EloStep = null,
    Dictionary<string, double>? PerCondition = null, int? Prompts = null, int? Simulations = null);

/// <param name="Units">Units the goal watches.</param>
/// <param name="Method">How the figure was found, in words.</param>
public sealed record PlanView(SampleSizeEstimate Estimate, int Units, string Method);

public sealed class StudyGoalViews(IDocumentStore store, StudyGoals goals, StudyPlans plans)
{
    /// <summary>One planner at a time per process: each runs hundreds of simulated studies on the web server's cores.</summary>
    private static readonly SemaphoreSlim Planning = new(1, 1);

    /// <summary>The longest a plan may run (a huge budget with equal conditions simulates a great many judgments).</summary>
    public static readonly TimeSpan PlanningLimit = TimeSpan.FromSeconds(60);

    public async Task<GoalView> ReadAsync(Guid studyId, CancellationToken cancellationToken) =>
        await ReadAsync(await LoadAsync(studyId, cancellationToken), cancellationToken);

    /// <summary>The goal of a study the caller has just loaded (the study and results pages have).</summary>
    public async Task<GoalView> ReadAsync(Study study, CancellationToken cancellationToken)
    {
        var goal = study.Settings.Goal ?? throw NoGoal();
        var status = (await goals.ReadNowAsync(study)).Status;
        var stalled = false;
        if (study.Status is StudyStatus.Open or StudyStatus.Paused && await RoomAsync(study, cancellationToken) is { } room)
            (status, stalled) = GoalRoom.Within(status, room);
        // A closed study takes nothing more: no unit is projected to get anything.
        else if (study.Status == StudyStatus.Closed) status = GoalRoom.Within(status, NoRoom).Status;
        return new GoalView(goal.Describe(), goal, status.Met, status.Outcome, status.Judgments, status.ProjectedRemaining, status.Top, status.Measure,
            [.. status.Units.Select(UnitOutcome.From)], study.StoppedBy, status.Ratings?.Select(UnitOutcome.From).ToList(), stalled);
    }

    private static readonly Dictionary<string, long> NoRoom = [];

    /// <summary>What each unit's trials can still take under k; null while the study has no trials.</summary>
    private async Task<IReadOnlyDictionary<string, long>?> RoomAsync(Study study, CancellationToken cancellationToken)
    {
        var trials = (await plans.GetAsync(study, cancellationToken)).Trials;
        if (trials.Count == 0) return null;
        await using var session = store.QuerySession();
        var judged = (await SlotLedger.CountJudgedAsync(session, study.Id, cancellationToken)).ToDictionary(c => c.TrialId, c => c.Judged);
        return GoalRoom.PerUnit(trials.Select(t => (GoalUnits.UnitOf(t), judged.GetValueOrDefault(t.TrialId))), study.Settings.JudgmentsPerTrial);
    }

    public async Task<PlanView> PlanAsync(Guid studyId, PlanRequest request, CancellationToken cancellationToken)
    {
        var study = await LoadAsync(studyId, cancellationToken);
        if (study.Settings.Goal is null) throw NoGoal();
        var assumptions = await AssumptionsAsync(study, request, cancellationToken);
        var problems = new FieldProblems();
        foreach (var (field, expected) in assumptions.Problems(study.Settings)) problems.Add(field, expected);
        problems.ThrowIfAny("The planner needs ");
        if (!await Planning.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken))
            throw new DomainException("Another plan is being computed on this server; try again in half a minute.", DomainError.Conflict) { RetryAfter = TimeSpan.FromSeconds(30) };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(PlanningLimit);
        try
        {
            var estimate = await Task.Run(() => SampleSize.Estimate(study.Settings, assumptions, cancellationToken: limit.Token), limit.Token);
            return new PlanView(estimate, GoalUnits.Units(study.Settings).Count,
                $"median and 90th percentile of {estimate.Simulations} simulated studies run through the platform's own assignment and stopping rules");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DomainException(
                $"The plan took more than {PlanningLimit.TotalSeconds:0} seconds and was stopped: ask for fewer simulations or prompts, or a smaller budget per unit.",
                DomainError.Unprocessable);
        }
        finally
        {
            Planning.Release();
        }
    }

    private async Task<PlanningAssumptions> AssumptionsAsync(Study study, PlanRequest request, CancellationToken cancellationToken)
    {
        var defaults = new PlanningAssumptions();
        var prompts = request.Prompts;
        if (prompts is null)
        {
            await using var session = store.QuerySession();
            var trials = await StudyCatalog.PlanAsync(session, study, cancellationToken);
            prompts = trials.Count == 0 ? defaults.Prompts : trials.GroupBy(GoalUnits.UnitOf).Max(g => g.Count());
        }
        // Condition keys as researchers write them, in any case: the study's spelling (an unknown key stays, to be refused by name).
        string Spelled(string key) => study.Settings.Conditions.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase))?.Key ?? key;
        if (request.PerCondition?.GroupBy(p => Spelled(p.Key), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            var problem = $"one figure per condition ('{twice.Key}' is given {twice.Count()} times, in different letter cases)";
            throw new DomainException($"The planner needs {problem}.") { Fields = new Dictionary<string, string[]> { [$"perCondition.{twice.Key}"] = [problem] } };
        }
        var perCondition = request.PerCondition?.ToDictionary(p => Spelled(p.Key), p => p.Value);
        return new PlanningAssumptions(
            request.Effect ?? defaults.Effect, request.TieRate ?? defaults.TieRate, request.SuccessRate ?? defaults.SuccessRate,
            request.EloStep ?? defaults.EloStep, perCondition, prompts.Value, request.Simulations ?? defaults.Simulations);
    }

    private async Task<Study> LoadAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
    }

    private static DomainException NoGoal() => new(
        "This study has no goal: every trial gets k judgments. Set a goal in its settings to run it adaptively.", DomainError.Conflict);
}
