using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Platform.Benchmarks.ResultsBenchmark).Assembly).Run(args);
