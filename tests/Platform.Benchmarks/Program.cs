using BenchmarkDotNet.Running;
using Platform.Benchmarks;

// `dispatch [servers limit waves latencySeconds]` runs the generation load harness; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "dispatch") return await DispatchHarness.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(ResultsBenchmark).Assembly).Run(args);
return 0;
