using Xunit.Sdk;
using Xunit.v3;

namespace ConvSpec.Tests.Unit.Setup;

/// <summary>
/// <see cref="TodoFolding"/> with real xunit result messages: failures made from thrown exceptions, as the framework
/// makes them, passed to a sink that records what the test platform would receive.
/// </summary>
[Specifies("Rule: a starter's test run shows each TODO once")]
public sealed class TodoFoldingSpecs : IDisposable
{
    private const string Todo = "TODO: return G_x, the kernel that detects vertical edges (equation 2; erratum E3 says which is which).";

    private readonly List<IMessageSinkMessage> _received = [];
    private readonly StringWriter _summary = new();
    private readonly TodoFolding _folding;

    public TodoFoldingSpecs() => _folding = new TodoFolding(new Recorder(_received), _summary);

    public void Dispose() => _summary.Dispose();

    private sealed class Recorder(List<IMessageSinkMessage> received) : IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message)
        {
            received.Add(message);
            return true;
        }
    }

    private static ITestFailed FailureOf(Exception exception, string test)
    {
        try
        {
            throw exception;
        }
        catch (Exception thrown)
        {
            return TestFailed.FromException(thrown, "assembly", "collection", "class", "method", $"{test}-case", test, 0.25m, "", null, DateTimeOffset.UnixEpoch);
        }
    }

    private static TestAssemblyFinished RunEnds() => new()
    {
        AssemblyUniqueID = "assembly",
        ExecutionTime = 1m,
        FinishTime = DateTimeOffset.UnixEpoch,
        TestsFailed = 3,
        TestsNotRun = 0,
        TestsSkipped = 0,
        TestsTotal = 3,
    };

    [Fact]
    public void The_first_failure_of_a_TODO_passes_in_full_and_each_later_one_in_one_line_still_failed()
    {
        var first = FailureOf(new NotImplementedException(Todo), "first");
        var second = FailureOf(new NotImplementedException(Todo), "second");

        _folding.OnMessage(first);
        _folding.OnMessage(second);

        _received[0].Should().BeSameAs(first, "the first spec that meets a TODO shows it whole, with the stack trace that leads to the file");
        var folded = _received[1].Should().BeAssignableTo<ITestFailed>("a spec that waits for an exercise still fails").Which;
        folded.TestUniqueID.Should().Be("second");
        folded.ExceptionTypes.Should().Equal(typeof(NotImplementedException).FullName);
        folded.Messages.Should().ContainSingle().Which.Should().StartWith(Todo, "the whole TODO still says which exercise is missing").And.Contain("TodoFoldingSpecs.cs:").And.Contain("met above").And.NotContain("\n");
        folded.StackTraces.Should().Equal([null], "the repeat is one line");
    }

    [Fact]
    public void Every_other_failure_passes_untouched_however_often_it_repeats()
    {
        var assertion = FailureOf(new XunitException("Expected 3, found 4."), "assertion");
        var unwritten = FailureOf(new NotImplementedException("the method or operation is not implemented."), "unwritten-a");
        var unwrittenAgain = FailureOf(new NotImplementedException("the method or operation is not implemented."), "unwritten-b");

        foreach (var failure in new[] { assertion, unwritten, unwrittenAgain, assertion }) _folding.OnMessage(failure);

        _received.Should().Equal([assertion, unwritten, unwrittenAgain, assertion], "only a region's TODO is folded");
    }

    [Fact]
    public void When_the_run_ends_one_line_per_TODO_names_its_file_and_how_many_specs_wait_for_it()
    {
        _folding.OnMessage(FailureOf(new NotImplementedException(Todo), "a"));
        _folding.OnMessage(FailureOf(new NotImplementedException(Todo), "b"));
        _folding.OnMessage(FailureOf(new NotImplementedException("TODO: return y_ij. Then more."), "c"));

        _folding.OnMessage(RunEnds());

        string[] lines = _summary.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3, "a heading and one line for each of the two TODOs");
        lines[0].Should().Contain("3 in all").And.Contain("every other failure above is a real one");
        lines.Should().ContainSingle(l => l.Contains("TodoFoldingSpecs.cs:", StringComparison.Ordinal) && l.Contains("  2 specs", StringComparison.Ordinal) && l.Contains("TODO: return G_x", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.Contains("  1 spec ", StringComparison.Ordinal) && l.EndsWith("TODO: return y_ij", StringComparison.Ordinal));
        _received.Last().Should().BeAssignableTo<ITestAssemblyFinished>("the end of the run still reaches the platform");
    }

    [Fact]
    public void A_run_without_a_TODO_prints_no_summary()
    {
        _folding.OnMessage(FailureOf(new XunitException("Expected 3, found 4."), "assertion"));
        _folding.OnMessage(RunEnds());

        _summary.ToString().Should().BeEmpty("the instructor's suite throws no TODO and reads as before");
        _received.Should().HaveCount(2);
    }
}
