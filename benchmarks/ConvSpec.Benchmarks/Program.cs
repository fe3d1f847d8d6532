using BenchmarkDotNet.Running;
using ConvSpec.Benchmarks.Profile;

// `epoch-profile` is the per-layer epoch profile (benchmarks/epoch-profile.sh); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "epoch-profile")
{
    return await EpochProfile.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
