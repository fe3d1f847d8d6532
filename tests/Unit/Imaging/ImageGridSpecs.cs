using ConvSpec.Imaging;

namespace ConvSpec.Tests.Unit.Imaging;

public class ImageGridSpecs
{
    private static float[,] Filled(int rows, int cols, float value)
    {
        var image = new float[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) image[r, c] = value;
        }
        return image;
    }

    [Fact]
    [Specifies("Rule: MNIST grid like make_grid")]
    public void The_lab_grid_of_100_digits_at_20_per_row_is_152_by_602()
    {
        var digits = Enumerable.Range(0, 100).Select(_ => Filled(28, 28, 1f)).ToList();

        float[,] grid = ImageGrid.MakeGrid(digits, imagesPerRow: 20);

        (grid.GetLength(0), grid.GetLength(1)).Should().Be((5 * 30 + 2, 20 * 30 + 2),
            "make_grid puts 2 pixels of padding around and between 28×28 tiles: 5 rows and 20 columns of 30-pixel cells plus one border");
    }

    [Fact]
    [Specifies("Rule: MNIST grid like make_grid")]
    public void Tiles_sit_in_row_major_order_separated_by_padding()
    {
        var tiles = Enumerable.Range(0, 5).Select(n => Filled(2, 3, n + 1)).ToList();

        float[,] grid = ImageGrid.MakeGrid(tiles, imagesPerRow: 3, padding: 1, padValue: -1f);

        (grid.GetLength(0), grid.GetLength(1)).Should().Be((2 * 3 + 1, 3 * 4 + 1));
        grid[1, 1].Should().Be(1f, "tile 0 starts after one pixel of padding");
        grid[1, 5].Should().Be(2f, "tile 1 starts one cell (3 + 1 columns) to the right");
        grid[4, 5].Should().Be(5f, "tile 4 is the second tile of the second row");
        grid[4, 9].Should().Be(-1f, "the unused sixth cell stays padding");
        grid[0, 0].Should().Be(-1f);
        grid[3, 1].Should().Be(-1f, "a padding row separates the two tile rows");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void Tiles_of_different_sizes_are_rejected_naming_both()
    {
        Action grid = () => ImageGrid.MakeGrid([Filled(28, 28, 0f), Filled(28, 27, 0f)]);

        grid.Should().Throw<ArgumentException>().WithMessage("image 1 is 28×27 but image 0 is 28×28*");
    }
}
