using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Tests.Voting;

/// <summary>The invariants of the slot ledger under concurrency, through the participant API on a real database.</summary>
[Collection(VotingHost.Name)]
public sealed class SlotRaceTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task Fifty_participants_racing_for_the_slots_of_a_trial_with_k_3_record_exactly_3()
    {
        var researcher = await fixture.ResearcherAsync();
        // Two conditions against the baseline, one prompt: a single trial.
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { JudgmentsPerTrial = 3, TrialsPerParticipant = 1, Tasks = ["dance"] }.Build(), prompts: 1);
        var nexts = new ConcurrentBag<HttpStatusCode>();
        var answers = new ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 50), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, ct) =>
        {
            var client = Factory.CreateClient();
            var token = await client.StartSessionAsync(studyId, $"racer-{i}");
            var next = await client.GetAsync($"/api/sessions/{token}/next", ct);
            nexts.Add(next.StatusCode);
            if (next.StatusCode != HttpStatusCode.OK) return;
            var trial = (await next.Content.ReadFromJsonAsync<TrialResponse>(ApiClient.Json, ct))!;
            answers.Add((await client.AnswerAsync(token, trial.TrialId, Choice.Right)).StatusCode);
        });

        answers.Should().HaveCount(3).And.OnlyContain(s => s == HttpStatusCode.Created);
        nexts.Count(s => s == HttpStatusCode.Conflict).Should().Be(47, "the others are told the study has all the judgments it needs");
        (await JudgmentsAsync(studyId)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Participants_racing_through_a_study_in_two_tabs_each_never_see_a_trial_twice_nor_pass_k()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { JudgmentsPerTrial = 10, TrialsPerParticipant = 4, Tasks = ["dance"] }.Build(), prompts: 5);

        await Parallel.ForEachAsync(Enumerable.Range(0, 12), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, ct) =>
        {
            var client = Factory.CreateClient();
            var token = await client.StartSessionAsync(studyId, $"two-tabs-{i}");
            while (true)
            {
                // Two tabs ask at once: both must get the same pending trial, never two assignments.
                var asked = await Task.WhenAll(client.GetAsync($"/api/sessions/{token}/next", ct), client.GetAsync($"/api/sessions/{token}/next", ct));
                if (asked.Any(r => r.StatusCode == HttpStatusCode.NoContent)) return;
                var trials = await Task.WhenAll(asked.Select(r => r.Content.ReadFromJsonAsync<TrialResponse>(ApiClient.Json, ct)));
                trials[0]!.TrialId.Should().Be(trials[1]!.TrialId);
                (await client.AnswerAsync(token, trials[0]!.TrialId, Choice.Left)).EnsureSuccessStatusCode();
            }
        });

        var judgments = await JudgmentsAsync(studyId);
        var perTrial = judgments.GroupBy(j => j.TrialId).ToDictionary(g => g.Key, g => g.Count());
        perTrial.Values.Should().AllSatisfy(n => n.Should().BeLessThanOrEqualTo(10));
        var sessions = judgments.GroupBy(j => j.SessionId).ToList();
        sessions.Should().HaveCount(12).And.AllSatisfy(g => g.Select(j => j.TrialId).Should().OnlyHaveUniqueItems());
        // 5 trials × k = 10 make room for 12 × 4, but a greedy assignment can still corner someone (every trial they have
        // not seen filled by others): that participant ends early, and only then.
        sessions.Where(g => g.Count() < 4).Should().AllSatisfy(g =>
            perTrial.Where(t => g.All(j => j.TrialId != t.Key)).Should().OnlyContain(t => t.Value == 10, "a participant is sent away early only when nothing is left for them"));
    }

    [Fact]
    public async Task The_same_answer_sent_ten_times_at_once_is_recorded_exactly_once()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2, Tasks = ["dance"] }.Build(), prompts: 2);
        var client = Factory.CreateClient();
        var token = await client.StartSessionAsync(studyId, "double-clicker");
        var trial = await client.NextTrialAsync(token);

        var sent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.AnswerAsync(token, trial.TrialId, Choice.Same)));

        sent.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.Created).And.AllSatisfy(s => s.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK));
        (await JudgmentsAsync(studyId)).Should().ContainSingle().Which.Choice.Should().Be(Choice.Same);
    }

    [Fact]
    public async Task After_a_restart_the_slot_rows_are_made_without_waiting_for_answers_in_flight()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2, Tasks = ["dance"] }.Build(), prompts: 2);
        var client = Factory.CreateClient();
        await client.NextTrialAsync(await client.StartSessionAsync(studyId, "in-flight"));
        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        Study study;
        await using (var query = store.QuerySession())
            study = (await query.LoadAsync<Study>(studyId))!;

        // An answer in flight: its transaction has changed a slot row of the study and not committed yet.
        await using var answering = store.LightweightSession();
        await answering.BeginTransactionAsync(CancellationToken.None);
        await answering.QueryAsync<int>("with touched as (update voting_slots set assigned_at = assigned_at where study_id = ? and session_id is not null returning 1) select count(*)::int from touched", studyId);

        // A process that has just started has made no slot rows yet and makes them on its first read of the plan.
        var plan = await new StudyPlans(store).GetAsync(study, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));

        plan.Trials.Should().NotBeEmpty("the read finished instead of waiting for the answer's transaction (until the command timeout)");
    }

    private async Task<IReadOnlyList<JudgmentRecorded>> JudgmentsAsync(Guid studyId)
    {
        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryRawEventDataOnly<JudgmentRecorded>().Where(j => j.StudyId == studyId).ToListAsync();
    }
}
