using BenchmarkDotNet.Attributes;
using Platform.Results;
using Platform.Studies;

namespace Platform.Benchmarks;

/// <summary>Full results (exclusions, tables, agreement, Bradley–Terry with 1,000 bootstrap resamples) of a large study.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ResultsBenchmark
{
    private StudySettings _settings = default!;
    private List<Judgment> _judgments = default!;

    [Params(1_000_000)]
    public int Judgments { get; set; }

    [Params(10)]
    public int Conditions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _settings = SyntheticStudy.Settings(Conditions);
        _judgments = SyntheticStudy.Judgments(Judgments, Conditions);
    }

    [Benchmark]
    public StudyResults FullResults() =>
        ResultsCalculator.Compute(Guid.Empty, 1, _settings, _judgments, new ResultsOptions(Resamples: BradleyTerry.DefaultResamples));
}
