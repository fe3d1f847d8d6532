using ScottPlot;

namespace ConvSpec.Reporting;

/// <summary>Line charts for the report (loss and accuracy curves), rendered to PNG with ScottPlot.</summary>
public static class Charts
{
    /// <summary>How many image pixels a chart spends on one CSS pixel of the page: 2 keeps lines and text sharp on dense screens.</summary>
    public const int PixelDensity = 2;

    /// <summary>
    /// A chart of <paramref name="width"/>×<paramref name="height"/> pixels whose text and lines are drawn
    /// <paramref name="scale"/> times their usual size: shown at width/scale CSS pixels it reads like a chart of that size.
    /// </summary>
    public static byte[] LineChart(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<double> Ys)> series,
        int width = 720, int height = 380, bool logScaleY = false, int scale = 1, IReadOnlyList<double>? xs = null, bool markers = false,
        Alignment legend = Alignment.UpperRight)
    {
        var plot = new Plot { ScaleFactor = scale };
        foreach (var (name, ys) in series)
        {
            double[] x = xs?.ToArray() ?? Enumerable.Range(0, ys.Count).Select(i => (double)i).ToArray();
            double[] y = logScaleY ? ys.Select(Math.Log10).ToArray() : ys.ToArray();
            var line = plot.Add.Scatter(x, y);
            line.LegendText = name;
            line.MarkerSize = markers || ys.Count <= 60 ? 6 : 0;
            line.LineWidth = 2;
        }
        if (logScaleY)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = y => NumberText.Of(Math.Pow(10, y), significant: 1),
            };
        }
        if (xs is not null && xs.Count <= 12)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs.ToArray(), xs.Select(v => NumberText.Of(v)).ToArray());
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logScaleY ? yLabel + " (log scale)" : yLabel);
        if (series.Count > 1) plot.ShowLegend(legend);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>A chart to be shown at <paramref name="cssWidth"/>×<paramref name="cssHeight"/>, rendered at <see cref="PixelDensity"/> times that.</summary>
    public static Figure Figure(string fileName, Rich caption, string title, string xLabel, string yLabel,
        IReadOnlyList<(string Name, IReadOnlyList<double> Ys)> series, int cssWidth, int cssHeight, bool logScaleY = false,
        IReadOnlyList<double>? xs = null, bool markers = false, Alignment legend = Alignment.UpperRight) =>
        new(fileName, LineChart(title, xLabel, yLabel, series, cssWidth * PixelDensity, cssHeight * PixelDensity, logScaleY, PixelDensity, xs, markers, legend),
            caption, Scale: 1.0 / PixelDensity);
}
