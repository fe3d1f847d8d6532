using ConvSpec.Mnist;

namespace ConvSpec.Tests.Unit.Mnist;

/// <summary>The real data set, as published: sizes, checksums and how many of each digit.</summary>
[Trait("Category", "Mnist")]
[Specifies("Rule: MNIST is fetched, verified and never left half-written")]
public sealed class MnistDataSpecs(MnistDataFixture mnist) : IClassFixture<MnistDataFixture>
{
    // Per-digit counts of MNIST's published splits (LeCun et al.), 0 through 9.
    private static readonly long[] TrainHistogram = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
    private static readonly long[] TestHistogram = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

    public static TheoryData<string> FileNames => [.. MnistFile.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Each_file_has_the_official_md5(string name)
    {
        var file = MnistFile.All.Single(f => f.Name == name);
        Md5.OfFile(Path.Combine(mnist.Directory, name)).Should().Be(file.RawMd5);
    }

    [Fact]
    public void Training_split_is_60000_images_of_28_by_28()
    {
        var train = mnist.Data.Train;
        (train.Images.Count, train.Images.Rows, train.Images.Columns, train.Count).Should().Be((60000, 28, 28, 60000));
    }

    [Fact]
    public void Test_split_is_10000_images_of_28_by_28()
    {
        var test = mnist.Data.Test;
        (test.Images.Count, test.Images.Rows, test.Images.Columns, test.Count).Should().Be((10000, 28, 28, 10000));
    }

    [Fact]
    public void Label_histograms_match_the_published_counts()
    {
        Histogram(mnist.Data.Train.Labels).Should().Equal(TrainHistogram);
        Histogram(mnist.Data.Test.Labels).Should().Equal(TestHistogram);
    }

    private static long[] Histogram(byte[] labels)
    {
        var counts = new long[10];
        foreach (var label in labels)
        {
            counts[label]++;
        }
        return counts;
    }
}
