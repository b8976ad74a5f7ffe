using BenchmarkDotNet.Running;
using Platform.Benchmarks;

// `dispatch …` runs the generation load harness, `consistency [seeds]` times COLMAP measurements, `adaptive [studies]` simulates adaptive studies (`adaptive-bound` bounds what assignment can save on a ranking's precision), `voting …` and `voting-ui …` the voting ones (docs/BENCHMARKS.md, "Voting at crowd scale: the load harness");
// anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "dispatch":
        return await DispatchHarness.RunAsync(args);
    case "consistency":
        return await ConsistencyHarness.RunAsync(args);
    case "adaptive":
        return AdaptiveHarness.Run(args);
    case "adaptive-bound":
        return RankingAllocationBound.Run(args);
    case "voting" or "voting-ui":
        VotingOptions options;
        try
        {
            options = VotingOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        return args[0] == "voting" ? await VotingHarness.RunAsync(options, args) : await CircuitHarness.RunAsync(options, args);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ResultsBenchmark).Assembly).Run(args);
        return 0;
}
