using System.Text.Json;

namespace ConvSpec.Models;

/// <summary>A model summary as snake_case JSON for scripts: the layers, the parameter counts and torchsummary's size estimates.</summary>
public static class ModelSummaryJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Serialize(string model, ModelSummary summary, string description)
    {
        var json = new Dictionary<string, object?>
        {
            ["model"] = model,
            ["description"] = description,
            ["input_shape"] = summary.InputShape,
            ["layers"] = summary.Rows.Select(r => new Dictionary<string, object>
            {
                ["layer"] = r.Layer,
                ["output_shape"] = r.OutputShape.Select((d, i) => i == 0 ? -1 : d).ToArray(),
                ["parameters"] = r.Parameters,
            }).ToArray(),
            ["total_params"] = summary.TotalParameters,
            ["trainable_params"] = summary.TrainableParameters,
            ["non_trainable_params"] = summary.NonTrainableParameters,
            ["input_size_mb"] = summary.InputSizeMegabytes,
            ["forward_backward_pass_size_mb"] = summary.ForwardBackwardPassMegabytes,
            ["params_size_mb"] = summary.ParametersMegabytes,
            ["estimated_total_size_mb"] = summary.EstimatedTotalMegabytes,
        };
        return JsonSerializer.Serialize(json, Indented);
    }
}
