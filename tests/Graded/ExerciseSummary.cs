using System.Collections.Concurrent;
using System.Globalization;

[assembly: AssemblyFixture(typeof(ConvSpec.Tests.Graded.ExerciseSummary))]

namespace ConvSpec.Tests.Graded;

/// <summary>
/// The graded specs' results per exercise, printed once when the run ends: points earned of points possible, and
/// the first failure of each exercise (for an unwritten exercise, its TODO), so a student reading `dotnet test`
/// sees each exercise once however many specs meet it. <see cref="GradedSpecs"/> records every test.
/// </summary>
public sealed class ExerciseSummary : IDisposable
{
    private readonly ConcurrentDictionary<string, (string Exercise, int Points, bool Passed, string? Failure)> _specs = new(StringComparer.Ordinal);

    /// <summary>Records the test that just finished; a theory's cases share one entry, failed when any case fails.</summary>
    public void Record(ITestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Test is not { } test || context.TestState is not { } state) return;
        if (!test.Traits.TryGetValue("Exercise", out var exercise) || !test.Traits.TryGetValue("Points", out var points)) return;
        bool passed = state.Result == TestResult.Passed;
        string? failure = passed ? null : $"{test.TestCase.TestMethod?.MethodName}: {state.ExceptionMessages?.FirstOrDefault()}";
        _specs.AddOrUpdate(test.TestCase.TestMethod?.MethodName ?? test.TestDisplayName,
            _ => (exercise.First(), int.Parse(points.First(), CultureInfo.InvariantCulture), passed, failure),
            (_, old) => (old.Exercise, old.Points, old.Passed && passed, old.Failure ?? failure));
    }

    public void Dispose()
    {
        if (_specs.IsEmpty) return;
        var lines = new List<string> { "", "Graded specs by exercise (points earned / possible; `dotnet run --project src/ConvSpec.Cli -- check` prints the same):" };
        foreach (var exercise in _specs.Values.GroupBy(s => s.Exercise).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string? failure = exercise.Select(s => s.Failure).FirstOrDefault(f => f is not null);
            string first = failure is null ? "all pass" : failure.Split('\n')[0].Trim();
            lines.Add($"  {exercise.Key,-12} {exercise.Where(s => s.Passed).Sum(s => s.Points),2}/{exercise.Sum(s => s.Points),-3} {first}");
        }
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}

/// <summary>The base of every graded spec class: reports each finished test to the <see cref="ExerciseSummary"/>.</summary>
public abstract class GradedSpecs(ExerciseSummary summary) : IDisposable
{
    public void Dispose()
    {
        summary.Record(TestContext.Current);
        GC.SuppressFinalize(this);
    }
}
