namespace Platform.Benchmarks;

public static class CircuitHarness
{
    public static Task<int> RunAsync(VotingOptions options, string[] args) => Task.FromResult(args.Length + options.Circuits);
}
