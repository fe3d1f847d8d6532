using ConvSpec.Arrays;
using ConvSpec.Imaging;
using ConvSpec.IO;
using SkiaSharp;

namespace ConvSpec.Tests.Unit.Imaging;

public sealed class GrayImageSpecs : IDisposable
{
    private readonly TempFolder _folder = new("convspec-image-");

    public void Dispose() => _folder.Dispose();

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    /// <summary>A 1×3 PNG whose pixels are pure red, green and blue at distinct strengths.</summary>
    private string WriteColourPng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(3, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SKColor(200, 0, 0));
        bitmap.SetPixel(1, 0, new SKColor(0, 100, 0));
        bitmap.SetPixel(2, 0, new SKColor(0, 0, 51));
        string path = PathOf("colour.png");
        File.WriteAllBytes(path, GrayPng.EncodeBitmap(bitmap));
        return path;
    }

    [Theory]
    [Specifies("Rule: pixels enter as byte/255 of one channel")]
    [InlineData(0, new[] { 200f, 0f, 0f })]
    [InlineData(1, new[] { 0f, 100f, 0f })]
    [InlineData(2, new[] { 0f, 0f, 51f })]
    public void Channel_c_is_the_c_th_of_red_green_blue_divided_by_255(int channel, float[] bytes)
    {
        float[,] image = GrayImage.Load(WriteColourPng(), channel);

        image.Should().BeEquivalentTo(new[,] { { bytes[0] / 255f, bytes[1] / 255f, bytes[2] / 255f } },
            "ToTensor()(img)[c] is channel c in RGB order, scaled by 1/255");
    }

    [Fact]
    [Specifies("Rule: pixels enter as byte/255 of one channel")]
    public void A_gray_png_round_trips_through_its_8_bit_levels()
    {
        var levels = new byte[,] { { 0, 1, 2 }, { 127, 128, 255 } };
        GrayPng.Save(levels, PathOf("gray.png"));

        GrayImage.LoadLevels(PathOf("gray.png")).Should().BeEquivalentTo(levels);
        GrayImage.Load(PathOf("gray.png"), 2)[1, 1].Should().Be(128 / 255f);
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_file_that_is_not_an_image_is_rejected_by_name()
    {
        File.WriteAllText(PathOf("notes.png"), "these are not pixels");

        Action load = () => GrayImage.Load(PathOf("notes.png"));

        load.Should().Throw<ConvSpecInputException>().WithMessage($"{PathOf("notes.png")}: not an image*");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_truncated_png_is_rejected_by_name()
    {
        byte[] png = File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, "assets/images/camera.png"));
        File.WriteAllBytes(PathOf("cut.png"), png[..(png.Length / 2)]);

        Action load = () => GrayImage.Load(PathOf("cut.png"));

        load.Should().Throw<ConvSpecInputException>().WithMessage($"{PathOf("cut.png")}: *truncated*");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_missing_file_and_a_missing_channel_are_named()
    {
        FluentActions.Invoking(() => GrayImage.Load(PathOf("absent.png"))).Should().Throw<ConvSpecInputException>().WithMessage("*absent.png: no such file.");
        FluentActions.Invoking(() => GrayImage.Load(WriteColourPng(), 3)).Should().Throw<ConvSpecInputException>().WithMessage("*channel 3 does not exist*");
    }

    [Fact]
    [Specifies("Rule: the notebook's bilinear resize")]
    public void Bilinear_resize_halves_by_averaging_pixel_pairs_without_corner_alignment()
    {
        // With align_corners=False, output pixel j samples input position (j + 0.5)·2 − 0.5 = 2j + 0.5:
        // halfway between pixels 2j and 2j+1, so each output is the mean of a 2×2 block.
        float[,] image = { { 0, 2, 4, 6 }, { 8, 10, 12, 14 } };

        float[,] resized = ImageOps.ResizeBilinear(image, 1, 2);

        resized.Should().BeEquivalentTo(new float[,] { { 5, 9 } });
    }

    [Fact]
    [Specifies("Rule: the notebook's bilinear resize")]
    public void The_lab_image_is_resized_to_170_by_150()
    {
        float[,] camera = GrayImage.Load(Path.Combine(RepositoryFiles.Root, "assets/images/camera.png"));

        float[,] resized = ImageOps.ResizeBilinear(camera, 170, 150);

        (resized.GetLength(0), resized.GetLength(1)).Should().Be((170, 150));
        resized.Cast<float>().Should().OnlyContain(v => v >= 0f && v <= 1f, "interpolation stays within the input's range");
    }

    [Fact]
    [Specifies("Rule: the notebook's gradient-image normalisation")]
    public void Min_max_normalisation_maps_the_range_onto_0_to_1()
    {
        ImageOps.MinMaxNormalize(new float[,] { { -2, 0 }, { 2, 6 } }).Should().BeEquivalentTo(new float[,] { { 0, 0.25f }, { 0.5f, 1 } });
        ImageOps.MinMaxNormalize(new float[,] { { 3, 3 } }).Should().BeEquivalentTo(new float[,] { { 0, 0 } }, "a constant image has no range to stretch");
    }

    [Fact]
    [Specifies("Rule: TorchSharp loads with no manual step")]
    public void Tensor_round_trip_keeps_values_and_layout()
    {
        var matrix = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };

        using var t = TensorArrays.ToTensor(matrix);

        TensorArrays.ToMatrix<double>(t).Should().BeEquivalentTo(matrix);
        TensorArrays.ToMatrix<float>(t)[1, 2].Should().Be(6f);
    }
}
