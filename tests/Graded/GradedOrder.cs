using ConvSpec.Tests.Graded;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(GradedOrder))]
[assembly: TestClassOrderer(typeof(GradedOrder))]
[assembly: TestMethodOrderer(typeof(GradedOrder))]
[assembly: TestCaseOrderer(typeof(GradedOrder))]

namespace ConvSpec.Tests.Graded;

/// <summary>
/// Runs the graded specs in an order that depends on their names alone. xUnit's default order is stable only for
/// one assembly at one path (it sorts by an ID made from the path), so a grading run's order, and with it which
/// spec meets a submission's exhausted test time or a host that another call has just crashed, followed the
/// grader's output folder. Here collections, classes, methods and cases go in ordinal order of their names.
/// </summary>
public sealed class GradedOrder : ITestCollectionOrderer, ITestClassOrderer, ITestMethodOrderer, ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections.OrderBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    public IReadOnlyCollection<TTestClass?> OrderTestClasses<TTestClass>(IReadOnlyCollection<TTestClass?> testClasses)
        where TTestClass : ITestClass =>
        [.. testClasses.OrderBy(c => c?.TestClassName, StringComparer.Ordinal)];

    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : ITestMethod =>
        [.. testMethods.OrderBy(m => m?.MethodName, StringComparer.Ordinal)];

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        [.. testCases.OrderBy(c => c.TestCaseDisplayName, StringComparer.Ordinal)];
}
