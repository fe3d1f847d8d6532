using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Imaging;
using ConvSpec.Lab;
using ConvSpec.Reference;
using ConvSpec.Tests.Approval.Snapshots;

namespace ConvSpec.Tests.Approval;

/// <summary>
/// The pictures of exercises 2 and 3, pinned as snapshots (docs/approval.md). Inputs are the lab's:
/// channel 0 of the image with pixels byte/255, and the notebook's 170×150 bilinear resize.
/// </summary>
public class LabSnapshotSpecs
{
    private static readonly Lazy<float[,]> CameraImage = new(() => GrayImage.Load(RepositoryFiles.PathOf("assets/images/camera.png")));
    private static readonly Lazy<float[,]> Camera170x150 = new(() => ImageOps.ResizeBilinear(CameraImage.Value, 170, 150));

    private static float[,] Camera => CameraImage.Value;

    private static float[,] Astronaut => GrayImage.Load(RepositoryFiles.PathOf("assets/images/astronaut.png"), channel: 0);

    [Fact]
    [Specifies("Eq. 2")]
    public void Reference_Sobel_of_the_camera_image() => Snapshot.Verify(TorchReference.ApplySobel(Camera), "sobel-reference-camera-512");

    [Fact]
    [Specifies("Eq. 2")]
    public void Hand_written_Sobel_of_the_camera_image() => Snapshot.Verify(Sobel.ApplyCustomSobel(Camera), "sobel-custom-camera-512");

    [Fact]
    [Specifies("Eq. 2")]
    public void Reference_Sobel_of_the_camera_image_at_the_notebooks_170_by_150() =>
        Snapshot.Verify(TorchReference.ApplySobel(Camera170x150.Value), "sobel-reference-camera-170x150");

    [Fact]
    [Specifies("Eq. 2")]
    public void Hand_written_Sobel_of_the_camera_image_at_the_notebooks_170_by_150() =>
        Snapshot.Verify(Sobel.ApplyCustomSobel(Camera170x150.Value), "sobel-custom-camera-170x150");

    [Fact]
    [Specifies("Rule: pixels enter as byte/255 of one channel")]
    public void Channel_0_of_the_astronaut_image() => Snapshot.Verify(Astronaut, "astronaut-channel-0");

    [Fact]
    [Specifies("Eq. 2")]
    public void Hand_written_Sobel_of_the_astronauts_channel_0() => Snapshot.Verify(Sobel.ApplyCustomSobel(Astronaut), "sobel-custom-astronaut-channel-0");

    [Fact]
    [Specifies("Erratum E3")]
    public void G_x_alone_shows_the_vertical_edges() => Snapshot.Verify(SobelExercise.SingleKernel(Camera170x150.Value, SobelKernels.Gx<float>()), "sobel-gx-only-camera-170x150");

    [Fact]
    [Specifies("Erratum E3")]
    public void G_y_alone_shows_the_horizontal_edges() => Snapshot.Verify(SobelExercise.SingleKernel(Camera170x150.Value, SobelKernels.Gy<float>()), "sobel-gy-only-camera-170x150");

    [Fact]
    [Specifies("Eq. 5")]
    public void Input_gradient_of_the_sum_of_squared_G_x_responses()
    {
        float[,] image = Camera170x150.Value, sobelX = SobelKernels.Gx<float>();
        float[,] dLossDy = Matrix.Scale(2f, TorchReference.Conv2d(image, sobelX));

        float[,] gradient = ConvGradients.ConvGradientWrtInput(dLossDy, sobelX);

        Snapshot.Verify(ImageOps.MinMaxNormalize(gradient), "input-gradient-camera-170x150");
    }

    [Fact]
    [Specifies("Eq. 11")]
    public void Gradient_ascent_final_image_from_the_notebooks_9_by_9_start()
    {
        float[,] image = Matrix.Convert<double, float>(GradientExercise.Ascend(seed: 0).Image);

        Snapshot.Verify(ImageOps.MinMaxNormalize(image), "gradient-ascent-final-9x9");
    }
}
