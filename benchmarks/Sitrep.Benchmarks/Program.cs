using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Sitrep.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
