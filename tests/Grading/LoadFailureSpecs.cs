using System.Runtime.CompilerServices;
using ConvSpec.Exercises;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// A build that did not load in one exercise host (its start overran or crashed) is not started in another: the visible
/// and hidden specs' hosts of one build share that verdict, so a slow module initializer costs its start limit once.
/// </summary>
[Trait("Category", "Grading")]
public class LoadFailureSpecs
{
    [Fact]
    [Specifies("Rule: a submission's overrun is the submission's, not the grader's")]
    public void A_build_that_did_not_load_in_one_host_is_not_started_in_another()
    {
        using var folder = new TempFolder("convspec-load-");
        // A host folder without the host's assembly: the process starts and exits at once, a load failure without a 30 s wait.
        Directory.CreateDirectory(folder.PathOf("empty"));
        var settings = new ExerciseHostSettings(folder.PathOf("empty", "ConvSpec.ExerciseHost.dll"), null, 5, 60, new ResourceLimits());
        var sameBuild = new StrongBox<string?>();
        using var visible = new ExerciseHostClient(settings, loadFailure: sameBuild);
        using var hidden = new ExerciseHostClient(settings, loadFailure: sameBuild);
        using var otherBuild = new ExerciseHostClient(settings);
        var method = typeof(IExerciseCode).GetMethod(nameof(IExerciseCode.ApplyConvolution))!;
        object?[] arguments = [new double[,] { { 1 } }, new double[,] { { 1 } }];

        string failure = visible.Invoking(c => c.Call(method, arguments)).Should().Throw<ExerciseHostException>().Which.Message;
        failure.Should().Contain("loading the submission").And.NotStartWith(ExerciseHostClient.NotLoaded, "the first host was started");

        hidden.Invoking(c => c.Call(method, arguments)).Should().Throw<ExerciseHostException>()
            .Which.Message.Should().StartWith(ExerciseHostClient.NotLoaded, "the same build is not started again").And.EndWith(failure);
        otherBuild.Invoking(c => c.Call(method, arguments)).Should().Throw<ExerciseHostException>()
            .Which.Message.Should().NotStartWith(ExerciseHostClient.NotLoaded, "another build (the upstream one, say) is started on its own");
    }
}
