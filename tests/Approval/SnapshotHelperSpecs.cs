using ConvSpec.Imaging;
using ConvSpec.Tests.Approval.Snapshots;

namespace ConvSpec.Tests.Approval;

/// <summary>The snapshot helper must really reject a changed image, and accept quantisation noise.</summary>
public sealed class SnapshotHelperSpecs : IDisposable
{
    private readonly TempFolder _folder = new("convspec-snapshot-");

    public void Dispose() => _folder.Dispose();

    private static byte[,] Gradient(int rows, int cols)
    {
        var levels = new byte[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                levels[r, c] = (byte)((r * 7 + c * 3) % 256);
        }
        return levels;
    }

    private string PathOf(string suffix) => Path.Combine(_folder.Path, $"image.{suffix}.png");

    private void CommitVerified(byte[,] levels) => GrayPng.Save(levels, PathOf("verified"));

    [Fact]
    [Specifies("Rule: approval snapshots")]
    public void An_image_changed_beyond_tolerance_is_rejected_with_received_and_diff_files()
    {
        byte[,] original = Gradient(20, 30);
        CommitVerified(original);
        var changed = (byte[,])original.Clone();
        changed[5, 7] = (byte)(changed[5, 7] + 2);
        changed[6, 7] = (byte)(changed[6, 7] + 40);

        Action verify = () => Snapshot.Verify(changed, "image", _folder.Path);

        verify.Should().Throw<SnapshotMismatchException>()
            .WithMessage("*largest pixel difference 40/255 at (row 6, column 7)*2 pixels beyond*")
            .And.Message.Should().Contain(PathOf("received")).And.Contain(PathOf("diff"));
        GrayImage.LoadLevels(PathOf("received")).Should().BeEquivalentTo(changed, "the received file holds what the test produced");
        GrayImage.LoadLevels(PathOf("verified")).Should().BeEquivalentTo(original, "a failed comparison never touches the verified snapshot");
        File.Exists(PathOf("diff")).Should().BeTrue();
    }

    [Fact]
    [Specifies("Rule: approval snapshots")]
    public void A_one_level_difference_is_quantisation_noise_and_matches()
    {
        byte[,] original = Gradient(12, 9);
        CommitVerified(original);
        var nudged = (byte[,])original.Clone();
        for (int c = 0; c < 9; c++) nudged[3, c] = (byte)(nudged[3, c] == 255 ? 254 : nudged[3, c] + 1);

        Snapshot.Verify(nudged, "image", _folder.Path);
    }

    [Fact]
    [Specifies("Rule: approval snapshots")]
    public void A_match_removes_stale_received_and_diff_files()
    {
        byte[,] original = Gradient(8, 8);
        CommitVerified(original);
        File.WriteAllText(PathOf("received"), "stale");
        File.WriteAllText(PathOf("diff"), "stale");

        Snapshot.Verify(original, "image", _folder.Path);

        File.Exists(PathOf("received")).Should().BeFalse();
        File.Exists(PathOf("diff")).Should().BeFalse();
    }

    [Fact]
    [Specifies("Rule: approval snapshots")]
    public void A_missing_snapshot_fails_and_leaves_the_received_image_to_accept()
    {
        Action verify = () => Snapshot.Verify(Gradient(4, 5), "image", _folder.Path);

        verify.Should().Throw<SnapshotMismatchException>().WithMessage("No verified snapshot*accept*");
        GrayImage.LoadLevels(PathOf("received")).Should().BeEquivalentTo(Gradient(4, 5));
    }

    [Fact]
    [Specifies("Rule: approval snapshots")]
    public void An_image_of_another_size_is_rejected_naming_both_sizes()
    {
        CommitVerified(Gradient(10, 10));

        Action verify = () => Snapshot.Verify(Gradient(10, 11), "image", _folder.Path);

        verify.Should().Throw<SnapshotMismatchException>().WithMessage("*size 10×11 where the snapshot is 10×10*");
    }

    [Fact]
    [Specifies("Rule: approval snapshots")]
    public void Quantisation_rounds_to_the_nearest_level_and_clamps()
    {
        byte[,] levels = GrayPng.Quantize(new float[,] { { 0f, 0.5f, 1f, 1.2f, -0.1f, 1.4f / 255f } });

        levels.Should().BeEquivalentTo(new byte[,] { { 0, 128, 255, 255, 0, 1 } });
    }
}
