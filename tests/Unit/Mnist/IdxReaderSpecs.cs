using ConvSpec.Mnist;

namespace ConvSpec.Tests.Unit.Mnist;

[Specifies("Rule: IDX files are read or refused with a reason")]
public sealed class IdxReaderSpecs : IDisposable
{
    private readonly IdxFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Reads_image_sizes_big_endian_and_pixels_row_major()
    {
        var raw = IdxFiles.Images(count: 3, rows: 4, columns: 5);
        var images = IdxReader.ReadImages(_files.Write("images", raw));

        (images.Count, images.Rows, images.Columns).Should().Be((3, 4, 5));
        images.Pixels.Should().Equal(raw[16..], "the pixels follow the 16-byte header unchanged");
    }

    [Fact]
    public void Reads_a_gzip_file_like_the_raw_one()
    {
        var raw = IdxFiles.Images(count: 2, rows: 3, columns: 3);
        var images = IdxReader.ReadImages(_files.Write("images.gz", IdxFiles.Gzip(raw)));

        images.Pixels.Should().Equal(raw[16..]);
    }

    [Fact]
    public void Reads_labels()
    {
        IdxReader.ReadLabels(_files.Write("labels", IdxFiles.Labels(7, 2, 1, 0))).Should().Equal(7, 2, 1, 0);
    }

    [Fact]
    public void Refuses_a_labels_file_read_as_images_naming_the_magic()
    {
        var path = _files.Write("labels-as-images", IdxFiles.Labels(1, 2, 3, 4, 5, 6, 7, 8, 9));

        var read = () => IdxReader.ReadImages(path);

        read.Should().Throw<IdxFormatException>().WithMessage($"{path}*bad magic*0x00000801*expected 0x00000803*");
    }

    [Fact]
    public void Refuses_bad_magic_in_a_labels_file()
    {
        var path = _files.Write("images-as-labels", IdxFiles.Images(1, 2, 2));

        var read = () => IdxReader.ReadLabels(path);

        read.Should().Throw<IdxFormatException>().WithMessage($"{path}*bad magic*0x00000803*expected 0x00000801*");
    }

    [Fact]
    public void Refuses_a_truncated_header()
    {
        var path = _files.Write("short-header", IdxFiles.Images(1, 2, 2)[..10]);

        var read = () => IdxReader.ReadImages(path);

        read.Should().Throw<IdxFormatException>().WithMessage($"{path}*truncated header*10 bytes*16*");
    }

    [Fact]
    public void Refuses_truncated_pixel_data()
    {
        var raw = IdxFiles.Images(count: 2, rows: 4, columns: 4);
        var path = _files.Write("short-data", raw[..^5]);

        var read = () => IdxReader.ReadImages(path);

        read.Should().Throw<IdxFormatException>().WithMessage($"{path}*truncated*32 data bytes*only 27*");
    }

    [Fact]
    public void Refuses_bytes_after_the_data()
    {
        var path = _files.Write("long-labels", [.. IdxFiles.Labels(1, 2), 9, 9]);

        var read = () => IdxReader.ReadLabels(path);

        read.Should().Throw<IdxFormatException>().WithMessage($"{path}*2 unexpected bytes*");
    }

    [Fact]
    public void Refuses_a_truncated_gzip_stream()
    {
        var gzip = IdxFiles.Gzip(IdxFiles.Images(count: 50, rows: 28, columns: 28));
        var path = _files.Write("cut.gz", gzip[..(gzip.Length / 2)]);

        var read = () => IdxReader.ReadImages(path);

        read.Should().Throw<IdxFormatException>().WithMessage($"{path}*");
    }

    [Fact]
    public void Refuses_images_and_labels_whose_counts_differ_naming_both_files()
    {
        var images = _files.Write("three-images", IdxFiles.Images(count: 3, rows: 2, columns: 2));
        var labels = _files.Write("two-labels", IdxFiles.Labels(0, 1));

        var read = () => IdxReader.ReadPair(images, labels);

        read.Should().Throw<IdxFormatException>().WithMessage($"{images} holds 3 images but {labels} holds 2 labels*");
    }
}
