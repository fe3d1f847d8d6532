using System.CommandLine;
using ConvSpec.Models;
using TorchSharp;

namespace ConvSpec.Cli.Commands;

/// <summary>`convspec summary --model labcnn|lenet [--json]`: the torchsummary-style table for a 1×28×28 input.</summary>
public static class SummaryCommand
{
    private const string LabCnnDescription = "The lab's CNN: Conv 32 → pool → Conv 64 → pool → Conv 64 → 576 → 64 → 10, 93,322 parameters, as the notebook prints it.";

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "labcnn or lenet", DefaultValueFactory = _ => "labcnn" };
        model.AcceptOnlyFromAmong("labcnn", "lenet");
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (layers, parameter counts, sizes in MB) for scripts." };
        var command = new Command("summary",
            "Print a model's layers, output shapes and parameter counts, and torchsummary's size estimates (input, forward/backward pass, " +
            "parameters, total, in MB of float32) for one 1×28×28 image.\n\n" + LeNet5.Variant + "\n\nExample:\n  convspec summary --model lenet --json")
        {
            model, json,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(model)!;
            using torch.nn.Module<torch.Tensor, torch.Tensor> network = name == "lenet" ? new LeNet5() : LabCnn.Create();
            string description = name == "lenet" ? LeNet5.Variant : LabCnnDescription;
            ModelSummary summary = ModelSummary.Of(network, 1, 28, 28);
            if (parse.GetValue(json))
            {
                Console.WriteLine(ModelSummaryJson.Serialize(name, summary, description));
                return 0;
            }
            Console.WriteLine(description);
            Console.Write(summary);
            return 0;
        });
        return command;
    }
}
