using System.CommandLine;
using ConvSpec.Models;
using TorchSharp;

namespace ConvSpec.Cli.Commands;

/// <summary>`convspec summary --model labcnn|lenet`: the torchsummary-style table for a 1×28×28 input.</summary>
public static class SummaryCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "labcnn or lenet", DefaultValueFactory = _ => "labcnn" };
        model.AcceptOnlyFromAmong("labcnn", "lenet");
        var command = new Command("summary", "Print a model's layers, output shapes and parameter counts") { model };
        command.SetAction(parse =>
        {
            using torch.nn.Module<torch.Tensor, torch.Tensor> network =
                parse.GetValue(model) == "lenet" ? new LeNet5() : LabCnn.Create();
            Console.Write(ModelSummary.Of(network, 1, 28, 28));
            return 0;
        });
        return command;
    }
}
