using ConvSpec.Imaging;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>The lab's input images, loaded once: channel 0, pixels byte/255, as ToTensor()(img)[0].</summary>
internal static class LabImages
{
    private static readonly Lazy<float[,]> CameraImage = new(() => GrayImage.Load(RepositoryFiles.PathOf("assets/images/camera.png")));
    private static readonly Lazy<float[,]> AstronautImage = new(() => GrayImage.Load(RepositoryFiles.PathOf("assets/images/astronaut.png"), channel: 0));
    private static readonly Lazy<float[,]> NotebookSizedCamera = new(() => ImageOps.ResizeBilinear(CameraImage.Value, 170, 150));

    public static float[,] Camera => (float[,])CameraImage.Value.Clone();

    public static float[,] Astronaut => (float[,])AstronautImage.Value.Clone();

    /// <summary>The camera image at the notebook's working size, 170×150, by bilinear interpolation.</summary>
    public static float[,] Camera170x150 => (float[,])NotebookSizedCamera.Value.Clone();
}
