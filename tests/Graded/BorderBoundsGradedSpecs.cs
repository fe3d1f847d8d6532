using ConvSpec.Convolution;

namespace ConvSpec.Tests.Graded;

public class BorderBoundsGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    [Theory]
    [Graded("bounds", 2)]
    [Specifies("Eq. 6")]
    [InlineData(0, 5, 3, 0, 0)]
    [InlineData(1, 5, 3, 0, 1)]
    [InlineData(2, 5, 3, 0, 2)]
    [InlineData(3, 5, 3, 1, 2)]
    [InlineData(4, 5, 3, 2, 2)]
    public void Zero_based_bounds_follow_the_table(int i, int n, int m, int lower, int upper)
    {
        submission.Code.BorderBoundsZeroBased(i, n, m).Should().Be(new IndexRange(lower, upper),
            $"L = max(0, i − n + m) and U = min(m − 1, i) for i = {i}, n = {n}, m = {m}");
    }

    [Theory]
    [Graded("bounds", 2)]
    [Specifies("Eq. 6")]
    [InlineData(1, 5, 3, 1, 1)]
    [InlineData(3, 5, 3, 1, 3)]
    [InlineData(5, 5, 3, 3, 3)]
    [InlineData(2, 2, 2, 2, 2)]
    public void One_based_bounds_follow_the_notebook(int i, int n, int m, int lower, int upper)
    {
        submission.Code.BorderBoundsOneBased(i, n, m).Should().Be(new IndexRange(lower, upper),
            $"L = max(1, i − n + m) and U = min(m, i) for i = {i}, n = {n}, m = {m}");
    }
}
