using ConvSpec.Grading.Assign;
using ConvSpec.Grading.Grade.Delegation;
using ConvSpec.Grading.Grade.PerExercise;

namespace ConvSpec.Tests.Grading;

/// <summary>The delegation rule read off the reference solution's compiled library (the samples forwards_to_torch and loads_reference show it catching cheats).</summary>
public class DelegationCheckSpecs
{
    private static string ReferenceDll => typeof(ConvSpec.Convolution.Convolution2D).Assembly.Location;

    [Fact]
    [Specifies("Rule: a hand-written exercise that hands its work elsewhere loses its points")]
    public void The_reference_answers_use_nothing_outside_NET_but_the_library_s_argument_checks()
    {
        var check = DelegationCheck.FromReference(ReferenceDll);

        check.Allowed.Should().NotBeEmpty("the reference answers call Shapes to check their arguments")
            .And.OnlyContain(key => key.StartsWith("ConvSpec.Convolution.Shapes::", StringComparison.Ordinal)
                    || key == "ConvSpec.Convolution.OutputShape::Valid(Int32,Int32)Int32",
                "the only code outside .NET and the exercise files that a student may call is what the reference answers call "
                + "(argument checks and the valid output length n − m + 1 of equation 7): no TorchSharp, no other library code");
        check.Check(ReferenceDll).Should().BeEmpty("the reference solution computes every answer itself");
    }

    [Fact]
    [Specifies("Rule: each exercise is graded on its own")]
    public void Each_exercise_builds_on_exactly_the_exercises_its_reference_answer_calls()
    {
        var used = DelegationCheck.ExercisesUsed(ReferenceDll);

        used.Should().BeEquivalentTo(ExerciseParts.All.Where(p => p.HandWritten).ToDictionary(p => p.Exercise, p => p.BuildsOn.ToHashSet()),
            "an exercise graded with the reference answers of what it builds on must list every exercise whose code it calls");
    }

    [Fact]
    [Specifies("Rule: each exercise is graded on its own")]
    public void The_exercise_table_covers_every_file_a_student_hands_in_once()
    {
        var submitted = Assigner.StarterFiles(SuitePaths.Root).Keys;
        var library = typeof(ConvSpec.Convolution.Convolution2D).Assembly;

        ExerciseParts.All.SelectMany(p => p.Files).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(submitted,
            "every file with exercise regions belongs to exactly one exercise");
        ExerciseParts.All.SelectMany(p => p.Types).Should().OnlyContain(type => library.GetType(type) != null, "the table names types of the library");
    }
}
