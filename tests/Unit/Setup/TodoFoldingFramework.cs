using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestFramework(typeof(ConvSpec.Tests.Unit.Setup.TodoFoldingFramework))]

namespace ConvSpec.Tests.Unit.Setup;

/// <summary>xunit's own framework, with every result of this assembly passed through <see cref="TodoFolding"/>.</summary>
public sealed class TodoFoldingFramework : XunitTestFramework
{
    protected override ITestFrameworkExecutor CreateExecutor(Assembly assembly) => new Executor(base.CreateExecutor(assembly));

    private sealed class Executor(ITestFrameworkExecutor xunit) : ITestFrameworkExecutor
    {
        public ValueTask RunTestCases(IReadOnlyCollection<ITestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions, CancellationToken? cancellationToken) =>
            xunit.RunTestCases(testCases, new TodoFolding(executionMessageSink, Console.Out), executionOptions, cancellationToken);
    }
}
