namespace ConvSpec.Imaging;

/// <summary>Tiles equally sized gray images into one, laid out as torchvision's make_grid does.</summary>
public static class ImageGrid
{
    /// <summary>
    /// <paramref name="imagesPerRow"/> tiles per row, <paramref name="padding"/> pixels of
    /// <paramref name="padValue"/> around and between tiles; a partly filled last row stays padded.
    /// </summary>
    public static float[,] MakeGrid(IReadOnlyList<float[,]> images, int imagesPerRow = 8, int padding = 2, float padValue = 0f)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("a grid needs at least one image.", nameof(images));
        ArgumentOutOfRangeException.ThrowIfLessThan(imagesPerRow, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);

        int tileRows = images[0].GetLength(0), tileCols = images[0].GetLength(1);
        for (int n = 1; n < images.Count; n++)
        {
            if (images[n].GetLength(0) != tileRows || images[n].GetLength(1) != tileCols)
                throw new ArgumentException(
                    $"image {n} is {images[n].GetLength(0)}×{images[n].GetLength(1)} but image 0 is {tileRows}×{tileCols}; a grid needs equal sizes.",
                    nameof(images));
        }

        int columns = Math.Min(imagesPerRow, images.Count);
        int rows = (images.Count + columns - 1) / columns;
        int cellRows = tileRows + padding, cellCols = tileCols + padding;
        var grid = new float[rows * cellRows + padding, columns * cellCols + padding];
        if (padValue != 0f)
        {
            for (int r = 0; r < grid.GetLength(0); r++)
            {
                for (int c = 0; c < grid.GetLength(1); c++) grid[r, c] = padValue;
            }
        }
        for (int n = 0; n < images.Count; n++)
        {
            int top = (n / columns) * cellRows + padding, left = (n % columns) * cellCols + padding;
            for (int r = 0; r < tileRows; r++)
            {
                for (int c = 0; c < tileCols; c++) grid[top + r, left + c] = images[n][r, c];
            }
        }
        return grid;
    }
}
