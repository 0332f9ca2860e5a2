using BenchmarkDotNet.Running;

// The in-process hot paths; pass BenchmarkDotNet's own arguments, e.g. --filter '*Search*' or --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
