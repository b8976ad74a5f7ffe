using Platform.Common;
using Platform.Generation;
using Platform.Tests.Studies;

namespace Platform.Tests.Generation;

public class PlanningBatchTests
{
    private static readonly InferenceServer Gpu = Servers.Registered(Servers.OpenAi(defaults: new GenerationSettings(Steps: 50, GuidanceScale: 6)));
    private static readonly Dictionary<Guid, InferenceServer> Known = new() { [Gpu.Id] = Gpu };
    private static readonly Platform.Studies.Study Study = A.Draft(A.Pairwise("base", "ours").WithTasks("dance", "gym"));

    private static PlanBatch Batch(params ConditionPlan[] conditions) => new(Guid.NewGuid(), Study.Id,
        [new("a dancer spins", "dance"), new("a gymnast flips", "Gym")],
        conditions.Length > 0 ? conditions : [new("base", Gpu.Id, null), new("ours", Gpu.Id, new GenerationSettings(SimDropScale: 0.2))], [1, 2], Guid.NewGuid());

    [Fact]
    public void One_job_per_prompt_condition_and_seed_with_server_defaults_under_the_condition_settings()
    {
        var planned = PlanningBatch.Handle(Study, Batch(), [], Known, A.Now);

        planned.Jobs.Should().HaveCount(8);
        planned.Jobs.Select(j => j.Task).Distinct().Should().BeEquivalentTo("dance", "gym");
        planned.Jobs.Where(j => j.Condition == "ours").Should().OnlyContain(j => j.Settings == new GenerationSettings(6, 0.2, null, 50, null, null, null, null));
        planned.Jobs.Select(j => j.JobId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_condition_named_in_another_case_makes_jobs_under_the_study_spelling()
    {
        var planned = PlanningBatch.Handle(Study, Batch(new ConditionPlan("OURS", Gpu.Id, null)), [], Known, A.Now);

        planned.Jobs.Should().NotBeEmpty().And.OnlyContain(j => j.Condition == "ours");
    }

    [Fact]
    public void Cells_the_study_already_has_or_is_getting_are_skipped()
    {
        var planned = PlanningBatch.Handle(Study, Batch(), [new("base", "a dancer spins", 1), new("ours", "a gymnast flips", 2)], Known, A.Now);

        planned.Jobs.Should().HaveCount(6);
        planned.AlreadyThere.Should().Be(2);
        planned.Jobs.Should().NotContain(j => j.Condition == "base" && j.Prompt == "a dancer spins" && j.Seed == 1);
    }

    [Fact]
    public void Unknown_conditions_servers_and_tasks_are_refused_together()
    {
        var batch = Batch(new ConditionPlan("nope", Guid.NewGuid(), null)) with { Seeds = [], Prompts = [new("x", "swim")] };

        var act = () => PlanningBatch.Handle(Study, batch, [], Known, A.Now);

        act.Should().Throw<DomainException>().WithMessage(
            "The batch needs a task of the study for every prompt ('swim' is not one of dance, gym); conditions of the study ('nope' is not one); a registered server for condition 'nope'; 1 to 20 seeds.");
    }

    [Fact]
    public void A_closed_study_takes_no_batch()
    {
        var act = () => PlanningBatch.Handle(A.Draft(A.Pairwise("base", "ours")).Opened().Closed(), Batch(), [], Known, A.Now);

        act.Should().Throw<DomainException>().Which.Kind.Should().Be(DomainError.Conflict);
    }

    [Fact]
    public void The_estimate_runs_each_server_limit_jobs_at_a_time_at_its_median_duration()
    {
        var other = Guid.NewGuid();
        var jobs = PlanningBatch.Handle(Study, Batch(), [], Known, A.Now).Jobs
            .Select((j, i) => i < 2 ? j with { ServerId = other } : j).ToList();

        var estimate = Estimating.For(jobs, new Dictionary<Guid, int> { [Gpu.Id] = 2, [other] = 1 },
            new Dictionary<Guid, IReadOnlyList<double>> { [Gpu.Id] = [10, 30, 20], [other] = [100, 200] });

        estimate.PerServer[Gpu.Id].Should().Be(TimeSpan.FromSeconds(60), "6 jobs, 2 at a time, 20 s each");
        estimate.PerServer[other].Should().Be(TimeSpan.FromSeconds(300), "2 jobs one at a time, 150 s each");
        estimate.Total.Should().Be(TimeSpan.FromSeconds(300));
        Estimating.For(jobs, new Dictionary<Guid, int>(), new Dictionary<Guid, IReadOnlyList<double>>()).Total.Should().BeNull("no history, no guess");
    }
}
