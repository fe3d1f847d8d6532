using ConvSpec.Imaging;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>The committed test images (assets/images) as one channel with pixels byte/255, as the notebook's ToTensor gives them.</summary>
internal static class TestImages
{
    public static float[,] Channel(string fileName, int channel) =>
        GrayImage.Load(RepositoryFiles.PathOf(Path.Combine("assets", "images", fileName)), channel);
}
