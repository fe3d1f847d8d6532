namespace ConvSpec.Grading.Grade.PerExercise;

/// <summary>
/// One exercise as the grader sees it: the files a student writes it in (SUBMIT.txt paths), the types those files
/// declare, the exercises whose answers its code calls, and whether it is written by hand (then it may not hand its
/// work to TorchSharp or to anything else outside the submitted files and .NET).
/// </summary>
public sealed record ExercisePart(string Exercise, IReadOnlyList<string> Files, IReadOnlyList<string> Types, IReadOnlyList<string> BuildsOn, bool HandWritten);

/// <summary>The lab's exercises; tests/Grading/ExercisePartsSpecs.cs checks this table against the reference solution.</summary>
public static class ExerciseParts
{
    private const string Convolution = "src/ConvSpec/Convolution/";

    public static readonly IReadOnlyList<ExercisePart> All =
    [
        new("convolution", [Convolution + "Convolution2D.cs"], ["ConvSpec.Convolution.Convolution2D"], [], HandWritten: true),
        new("bounds", [Convolution + "BorderBounds.cs"], ["ConvSpec.Convolution.BorderBounds", "ConvSpec.Convolution.IndexRange"], [], HandWritten: true),
        new("gradients", [Convolution + "ConvGradients.cs"], ["ConvSpec.Convolution.ConvGradients"], ["convolution", "bounds"], HandWritten: true),
        new("sobel", [Convolution + "SobelKernels.cs", Convolution + "Sobel.cs"], ["ConvSpec.Convolution.SobelKernels", "ConvSpec.Convolution.Sobel"],
            ["convolution"], HandWritten: true),
        new("cnn", ["src/ConvSpec/Models/LabCnn.cs"], ["ConvSpec.Models.LabCnn"], [], HandWritten: false),
        new("training", ["src/ConvSpec/Training/Trainer.cs"], ["ConvSpec.Training.Trainer"], [], HandWritten: false),
    ];

    /// <summary>The exercise whose files declare the top-level type <paramref name="typeName"/>, or null.</summary>
    public static ExercisePart? OfType(string typeName) => All.FirstOrDefault(p => p.Types.Contains(typeName, StringComparer.Ordinal));

    /// <summary>Exercises that build on others: graded with the reference answers of those others.</summary>
    public static IEnumerable<ExercisePart> Dependent => All.Where(p => p.BuildsOn.Count > 0);
}
