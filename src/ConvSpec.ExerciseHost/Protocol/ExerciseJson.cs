using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConvSpec.ExerciseHost.Protocol;

/// <summary>
/// How calls and answers are written between the graded specs and the exercise host: JSON, one message a
/// line, doubles and floats written so that they read back bit for bit (NaN and ±∞ included, since a
/// submission may return them).
/// </summary>
public static class ExerciseJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        MaxDepth = 16,
        Converters = { new MatrixJsonConverter() },
    };

    /// <summary>double[,] as {"rows": r, "cols": c, "values": [row-major values]}.</summary>
    private sealed class MatrixJsonConverter : JsonConverter<double[,]>
    {
        private sealed record Shape(int Rows, int Cols, double[] Values);

        public override double[,] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var shape = JsonSerializer.Deserialize<Shape>(ref reader, options)
                ?? throw new JsonException("a matrix is null.");
            if (shape.Rows < 0 || shape.Cols < 0 || (long)shape.Rows * shape.Cols != shape.Values.Length)
                throw new JsonException($"a {shape.Rows}×{shape.Cols} matrix cannot hold {shape.Values.Length} values.");
            var matrix = new double[shape.Rows, shape.Cols];
            for (int r = 0; r < shape.Rows; r++)
            {
                for (int c = 0; c < shape.Cols; c++) matrix[r, c] = shape.Values[r * shape.Cols + c];
            }
            return matrix;
        }

        public override void Write(Utf8JsonWriter writer, double[,] value, JsonSerializerOptions options)
        {
            int rows = value.GetLength(0), cols = value.GetLength(1);
            var values = new double[value.Length];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++) values[r * cols + c] = value[r, c];
            }
            JsonSerializer.Serialize(writer, new Shape(rows, cols, values), options);
        }
    }
}
