namespace ConvSpec.Lab;

/// <summary>
/// Numbers the lab 7 notebook printed, as rendered in the course's copy
/// (seeds: lab7-cnn-convolutions.rendered.txt; the alternative rendering prints the same).
/// They are quoted facts for the report's comparison table, not results of this code.
/// </summary>
public static class NotebookFigures
{
    /// <summary>Where the figures come from, as the report cites it.</summary>
    public const string Source = "lab 7 notebook, rendered output";

    /// <summary>torchsummary of the lab CNN (cell In [7]).</summary>
    public const long TotalParams = 93_322;

    public const string InputSizeMb = "0.00", ForwardBackwardMb = "0.51", ParamsSizeMb = "0.36", EstimatedTotalMb = "0.87";

    /// <summary>The training cell (In [8]): five epochs, "EPOCH: n LOSS: … ACCURACY: …".</summary>
    public static readonly IReadOnlyList<(double Loss, double Accuracy)> Epochs =
        [(0.024, 0.774), (0.002, 0.954), (0.002, 0.961), (0.002, 0.965), (0.003, 0.963)];

    /// <summary>The evaluation cell (In [9]): "EVALUATION LOSS: 0.002 EVALUATION: ACCURACY: 0.971", computed on the training set (erratum E7).</summary>
    public const double EvaluationLoss = 0.002, EvaluationAccuracy = 0.971;

    /// <summary>Cells In [11] and In [12]: the 286×230 photograph and its Sobel image of 284×228.</summary>
    public const int ImageRows = 286, ImageCols = 230, SobelRows = 284, SobelCols = 228;

    /// <summary>Cell In [16]: one random pixel's check, "Empirical grad.: -0.22957 Analytical grad.: -0.22745".</summary>
    public const double EmpiricalGradient = -0.22957, AnalyticalGradient = -0.22745;
}
