using System.Diagnostics;
using Platform.Studies;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The study the voting load runs on, made through the API as a researcher's script would: pairwise, all pairs of the
/// conditions, k = 50 (the most a study allows), one tiny clip per prompt and condition, uploaded a few at a time.
/// Its capacity — trials × k answers — has to outlast the run: a study with no free trial left answers 409.
/// </summary>
public sealed record LoadStudy(int Conditions, int Prompts, int TrialsPerParticipant, double GoldRate, bool Adaptive = false)
{
    public const int JudgmentsPerTrial = DesigningStudy.MaxJudgmentsPerTrial;

    /// <summary>What the closed loop is sized for when no prompt count is given: well above this machine's rate.</summary>
    private const double AssumedClosedLoopRate = 200;

    public int Trials => Prompts * Conditions * (Conditions - 1) / 2;

    /// <summary>Answers the study takes before every trial has k (gold trials come on top).</summary>
    public int Capacity => Trials * JudgmentsPerTrial;

    public static LoadStudy For(VotingOptions options)
    {
        var pairs = options.Conditions * (options.Conditions - 1) / 2;
        var needed = 1.25 * (options.Rate ?? AssumedClosedLoopRate) * (options.Warmup + options.Seconds);
        var prompts = options.Prompts ?? Math.Max(2, (int)Math.Ceiling(needed / (pairs * JudgmentsPerTrial)));
        return new LoadStudy(options.Conditions, prompts, options.TrialsPerParticipant, options.GoldRate, options.Adaptive);
    }

    public void PrintCapacity(VotingOptions options)
    {
        var seconds = options.Warmup + options.Seconds;
        Console.WriteLine($"study: pairwise, all pairs of {Conditions} conditions, {Prompts} prompts → {Trials} trials × k {JudgmentsPerTrial} = capacity {Capacity} judgments " +
            $"({Capacity / (double)seconds:0} judgments/s over the {seconds} s of warm-up and measurement), {TrialsPerParticipant} trials per participant, gold rate {GoldRate:0.##}" +
            (Adaptive ? ", adaptive (goal: the top condition)" : ""));
        if (options.Rate is { } rate && rate * seconds > Capacity)
            Console.WriteLine($"WARNING: {rate:0} judgments/s for {seconds} s would need {rate * seconds:0}: the study runs out (409) before the end; give more --prompts.");
    }

    /// <summary>Creates the study, uploads its videos, waits for their processing and opens it.</summary>
    public async Task<Guid> CreateAsync(HttpClient researcher, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var conditions = Enumerable.Range(0, Conditions).Select(i => new Condition($"c{i}", $"Condition {i}", i == 0)).ToList();
        var id = await researcher.CreateStudyAsync(new StudyBuilder
        {
            Title = "Voting load",
            Conditions = conditions,
            Tasks = ["dance"],
            Pairing = PairingRule.AllPairs,
            JudgmentsPerTrial = JudgmentsPerTrial,
            TrialsPerParticipant = TrialsPerParticipant,
            GoldRate = GoldRate,
        }.Build() with
        {
            Goal = Adaptive ? new StudyGoal(GoalKind.TopCondition, BudgetPerUnit: StudyGoal.MaxBudgetPerUnit) : null,
        });

        // One clip per condition (ffmpeg's testsrc2 in another hue), uploaded again for every prompt.
        var clips = new List<string>();
        foreach (var i in Enumerable.Range(0, Conditions)) clips.Add(await TestVideos.ClipAsync(hue: 37 * i));
        var uploads = Enumerable.Range(0, Prompts).SelectMany(p => Enumerable.Range(0, Conditions).Select(c => (Prompt: p, Condition: c)));
        await Parallel.ForEachAsync(uploads, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = cancellationToken }, async (upload, _) =>
        {
            using var response = await researcher.UploadAsync(id, clips[upload.Condition], $"c{upload.Condition}", $"load prompt {upload.Prompt}", "dance");
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"Upload refused, {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
        });
        // TestVideos keeps its clips in a temporary directory of this process for the process's life: done with them.
        Directory.Delete(Path.GetDirectoryName(clips[0])!, recursive: true);
        Console.WriteLine($"uploaded {Prompts * Conditions} videos in {started.Elapsed.TotalSeconds:0.0} s; waiting for their processing …");

        var videos = await researcher.WaitForVideosAsync(id, TimeSpan.FromMinutes(20));
        if (videos.FirstOrDefault(v => v.Status != VideoState.Ready) is { } rejected)
            throw new InvalidOperationException($"A video was rejected: {rejected.Reason}");
        using (var open = await researcher.PostAsync($"/api/studies/{id}/open", null, cancellationToken))
            open.EnsureSuccessStatusCode();
        Console.WriteLine($"study {id} open after {started.Elapsed.TotalSeconds:0.0} s of setup");
        return id;
    }
}
