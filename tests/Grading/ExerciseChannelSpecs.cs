using System.Text;
using System.Text.Json;
using ConvSpec.ExerciseHost.Protocol;
using ConvSpec.Exercises;
using ConvSpec.Grading.Grade.Remote;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// The channel between the graded specs and a submission's exercise host: what crosses it arrives unchanged,
/// a submission's exception comes back as its type and message, and nothing the host writes can make the
/// trusted side hold unbounded memory.
/// </summary>
public class ExerciseChannelSpecs
{
    private static T RoundTrip<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, ExerciseJson.Options), ExerciseJson.Options)!;

    [Fact]
    [Specifies("Rule: the exercise channel carries values unchanged")]
    public void Doubles_cross_bit_for_bit_including_nan_and_infinities()
    {
        double[,] matrix = { { Math.PI, -0.0, double.Epsilon }, { double.NaN, double.PositiveInfinity, double.NegativeInfinity } };

        double[,] back = RoundTrip(matrix);

        back.GetLength(0).Should().Be(2);
        back.GetLength(1).Should().Be(3);
        for (int r = 0; r < 2; r++)
        {
            for (int c = 0; c < 3; c++)
                BitConverter.DoubleToInt64Bits(back[r, c]).Should().Be(BitConverter.DoubleToInt64Bits(matrix[r, c]), $"element ({r}, {c}) is {matrix[r, c]}");
        }
    }

    [Fact]
    [Specifies("Rule: the exercise channel carries values unchanged")]
    public void Tensors_keep_their_shape_and_float_values()
    {
        var data = new TensorData([2, 1, 3], [1.0f / 3, -2.5e-8f, float.MaxValue, 0, float.NaN, 7]);

        var back = RoundTrip(data);

        back.Shape.Should().Equal(data.Shape);
        back.Values.Select(BitConverter.SingleToInt32Bits).Should().Equal(data.Values.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    [Specifies("Rule: the exercise channel carries values unchanged")]
    public void A_matrix_whose_values_do_not_fill_its_shape_is_refused()
    {
        var act = () => JsonSerializer.Deserialize<double[,]>("""{"rows":2,"cols":2,"values":[1,2,3]}""", ExerciseJson.Options);

        act.Should().Throw<JsonException>().WithMessage("*2×2 matrix cannot hold 3 values*");
    }

    [Fact]
    [Specifies("Rule: the exercise channel carries values unchanged")]
    public void The_host_answers_a_call_with_the_result_of_the_exercise_code()
    {
        string request = JsonSerializer.Serialize(new ExerciseRequest(7, nameof(IExerciseCode.ApplyConvolution),
            [JsonSerializer.SerializeToElement(new double[,] { { 1, 2 }, { 3, 4 } }, ExerciseJson.Options), JsonSerializer.SerializeToElement(new double[,] { { 10 } }, ExerciseJson.Options)]),
            ExerciseJson.Options);

        var answer = JsonSerializer.Deserialize<ExerciseResponse>(ExerciseDispatcher.Handle(request, new LibraryExerciseCode()), ExerciseJson.Options)!;

        answer.Id.Should().Be(7, "the answer names the call it answers");
        answer.Error.Should().BeNull();
        answer.Result!.Value.Deserialize<double[,]>(ExerciseJson.Options).Should().BeEquivalentTo(new double[,] { { 10, 20 }, { 30, 40 } });
    }

    [Fact]
    [Specifies("Rule: the exercise channel carries values unchanged")]
    public void An_exception_of_the_exercise_code_comes_back_with_its_type_and_message()
    {
        string request = JsonSerializer.Serialize(new ExerciseRequest(8, nameof(IExerciseCode.ApplyConvolution),
            [JsonSerializer.SerializeToElement(new double[2, 2], ExerciseJson.Options), JsonSerializer.SerializeToElement(new double[3, 3], ExerciseJson.Options)]),
            ExerciseJson.Options);

        var answer = JsonSerializer.Deserialize<ExerciseResponse>(ExerciseDispatcher.Handle(request, new LibraryExerciseCode()), ExerciseJson.Options)!;

        answer.Result.Should().BeNull();
        answer.Error!.Type.Should().Be("System.ArgumentException");
        answer.Error.Message.Should().Contain("3×3").And.Contain("2×2", "the student reads the message their code threw");
        answer.Error.StackTop.Should().Contain("ConvSpec.Convolution", "the top frames point into the exercise code");
    }

    [Theory]
    [Specifies("Rule: the exercise channel carries values unchanged")]
    [InlineData("not json")]
    [InlineData("""{"id":9,"method":"DeleteEverything","arguments":[]}""")]
    [InlineData("""{"id":9,"method":"ApplyConvolution","arguments":[]}""")]
    public void A_request_the_host_cannot_read_gets_a_protocol_error(string request)
    {
        var answer = JsonSerializer.Deserialize<ExerciseResponse>(ExerciseDispatcher.Handle(request, new LibraryExerciseCode()), ExerciseJson.Options)!;

        answer.Error!.Type.Should().Be("ProtocolError", "only the methods of IExerciseCode, with their arguments, can be called");
    }

    [Fact]
    [Specifies("Rule: the exercise channel carries values unchanged")]
    public async Task Lines_are_read_whole_and_a_line_past_the_limit_is_refused()
    {
        byte[] text = Encoding.UTF8.GetBytes("first\nsecond ∂L/∂x\n" + new string('x', 100) + "\n");
        var reader = new BoundedLineReader(new MemoryStream(text), maxBytes: 64);

        (await reader.ReadLineAsync(CancellationToken.None)).Should().Be("first");
        (await reader.ReadLineAsync(CancellationToken.None)).Should().Be("second ∂L/∂x");
        var tooLong = () => reader.ReadLineAsync(CancellationToken.None);
        await tooLong.Should().ThrowAsync<InvalidDataException>("a host that never ends its line must not fill the grader's memory");
    }
}
