using ScottPlot;

namespace ConvSpec.Reporting;

/// <summary>Line charts for the report (loss curves), rendered to PNG with ScottPlot.</summary>
public static class Charts
{
    public static byte[] LineChart(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<double> Ys)> series,
        int width = 720, int height = 380, bool logScaleY = false)
    {
        var plot = new Plot();
        foreach (var (name, ys) in series)
        {
            double[] x = Enumerable.Range(0, ys.Count).Select(i => (double)i).ToArray();
            double[] y = logScaleY ? ys.Select(Math.Log10).ToArray() : ys.ToArray();
            var line = plot.Add.Scatter(x, y);
            line.LegendText = name;
            line.MarkerSize = ys.Count > 60 ? 0 : 4;
            line.LineWidth = 2;
        }
        if (logScaleY)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = y => $"{Math.Pow(10, y):G3}",
            };
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logScaleY ? yLabel + " (log scale)" : yLabel);
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
