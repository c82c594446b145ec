using System.Reflection;
using BenchmarkDotNet.Running;
using ThreeRC.Benchmarks;

// dotnet run -c Release --project tests/ThreeRC.Benchmarks -- list
// dotnet run -c Release --project tests/ThreeRC.Benchmarks -- scenario <name> [arguments]
// dotnet run -c Release --project tests/ThreeRC.Benchmarks -- [BenchmarkDotNet arguments, such as --filter *Ganglia*]
var scenarios = Assembly.GetExecutingAssembly().GetTypes()
    .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IScenario)))
    .Select(type => (IScenario)Activator.CreateInstance(type)!)
    .OrderBy(scenario => scenario.Name)
    .ToList();

switch (args)
{
    case ["list", ..]:
        Console.WriteLine("Scenarios (run with: scenario <name>):");
        foreach (var scenario in scenarios) Console.WriteLine($"  {scenario.Name,-36} {scenario.Description}");
        Console.WriteLine("Benchmarks (run with BenchmarkDotNet arguments, such as --filter '*'):");
        BenchmarkSwitcher.FromAssembly(typeof(IScenario).Assembly).Run(["--list", "flat"]);
        return 0;
    case ["scenario", var name, .. var rest]:
        var chosen = scenarios.SingleOrDefault(scenario => scenario.Name == name);
        if (chosen is null)
        {
            Console.Error.WriteLine($"no scenario named '{name}'; run with 'list' to see them");
            return 2;
        }

        await chosen.RunAsync(rest, Console.Out);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(IScenario).Assembly).Run(args);
        return 0;
}
