using ConvSpec.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>
/// Trainer.TrainStep seen from outside, each observation compared with a value found without a training step: the
/// notebook's criterion on a forward pass, central differences of that criterion, and one step of TorchSharp's own
/// optimiser handed the gradients. Double precision, so that the differences are exact to 1e-8.
/// </summary>
[Specifies("Rule: the training step")]
public sealed class TrainStepObservedSpecs : IDisposable
{
    private readonly DisposeScope _scope = NewDisposeScope();
    private readonly Generator _draws = new(seed: 8080);
    private readonly Tensor _batch, _classes;

    public TrainStepObservedSpecs()
    {
        _batch = randn([6, 4], dtype: float64, generator: _draws);
        _classes = tensor(new long[] { 1, 2, 0, 0, 2, 1 });
    }

    public void Dispose()
    {
        _scope.Dispose();
        _draws.Dispose();
    }

    /// <summary>The learning rate of every SGD step here: small enough that one step lowers this batch's loss.</summary>
    private const double Rate = 0.1;

    /// <summary>A linear classifier whose parameters come from this class's own generator, never torch's shared one.</summary>
    private nn.Module<Tensor, Tensor> Classifier()
    {
        var classifier = nn.Sequential(("fc", nn.Linear(4, 3, dtype: float64)));
        using var off = no_grad();
        foreach (var parameter in classifier.parameters())
            parameter.copy_(rand(parameter.shape, dtype: float64, generator: _draws) - 0.5);
        return classifier;
    }

    /// <summary>The parameters by name, detached copies, as they are now.</summary>
    private static Dictionary<string, Tensor> Snapshot(nn.Module<Tensor, Tensor> classifier) =>
        classifier.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

    /// <summary>The notebook's criterion, nn.CrossEntropyLoss(), of the classifier's scores for the batch.</summary>
    private double Criterion(nn.Module<Tensor, Tensor> classifier)
    {
        using var off = no_grad();
        using var criterion = nn.CrossEntropyLoss();
        return criterion.call(classifier.call(_batch), _classes).item<double>();
    }

    /// <summary>∂L/∂p by central differences of <see cref="Criterion"/>, one element at a time: forward passes only.</summary>
    private Tensor CentralDifferences(nn.Module<Tensor, Tensor> classifier, string name)
    {
        const double h = 1e-6;
        var parameter = classifier.named_parameters().Single(p => p.name == name).parameter;
        var flat = parameter.detach().view(-1);
        var slopes = new double[flat.shape[0]];
        for (int k = 0; k < slopes.Length; k++)
        {
            double kept = flat[k].item<double>();
            flat[k] = kept + h;
            double up = Criterion(classifier);
            flat[k] = kept - h;
            double down = Criterion(classifier);
            flat[k] = kept;
            slopes[k] = (up - down) / (2 * h);
        }
        return tensor(slopes).view(parameter.shape);
    }

    [Fact]
    public void It_returns_the_scores_and_the_criterion_of_the_parameters_it_starts_from()
    {
        using var classifier = Classifier();
        double before = Criterion(classifier);
        Tensor scoresBefore;
        using (no_grad()) scoresBefore = classifier.call(_batch);
        using var sgd = optim.SGD(classifier.parameters(), Rate);

        var (scores, loss) = Trainer.TrainStep(classifier, sgd, _batch, _classes);

        loss.item<double>().Should().BeApproximately(before, 1e-12, "the loss is nn.CrossEntropyLoss() of the scores, taken before the optimiser moves anything");
        scores.allclose(scoresBefore, rtol: 0, atol: 1e-12).Should().BeTrue("the scores are the model's raw outputs for the batch, before the step");
        Criterion(classifier).Should().BeLessThan(before, "a step against the gradient with a small rate lowers the batch's loss");
    }

    [Fact]
    public void The_gradients_it_leaves_are_the_batchs_alone_whatever_was_left_from_before()
    {
        using var classifier = Classifier();
        using var start = Classifier();
        start.load_state_dict(classifier.state_dict());
        foreach (var parameter in classifier.parameters()) parameter.grad = full_like(parameter, 100.0);
        using var sgd = optim.SGD(classifier.parameters(), Rate);

        Trainer.TrainStep(classifier, sgd, _batch, _classes);

        foreach (var (name, parameter) in classifier.named_parameters())
        {
            parameter.grad.Should().NotBeNull("{0} must carry the batch's gradient after the step", name);
            using var expected = CentralDifferences(start, name);
            double off = (parameter.grad! - expected).abs().max().item<double>();
            off.Should().BeLessThan(1e-8,
                "{0}.grad must equal ∂L/∂{0} at the starting parameters (central differences): the 100 left on it before must not be added in, nor the gradient cleared after backward", name);
        }
    }

    [Fact]
    public void It_moves_the_parameters_by_one_step_of_the_optimiser_it_is_given()
    {
        using var classifier = Classifier();
        using var twin = Classifier();
        twin.load_state_dict(classifier.state_dict());
        using var rmsprop = optim.RMSProp(classifier.parameters(), 0.01);

        Trainer.TrainStep(classifier, rmsprop, _batch, _classes);

        // The twin gets the same gradients by hand and TorchSharp's RMSprop steps once with them.
        var left = classifier.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.detach().clone());
        foreach (var (name, parameter) in twin.named_parameters()) parameter.grad = left[name].clone();
        using var twinRmsprop = optim.RMSProp(twin.parameters(), 0.01);
        twinRmsprop.step();

        var moved = Snapshot(classifier);
        foreach (var (name, parameter) in twin.named_parameters())
            moved[name].allclose(parameter, rtol: 0, atol: 1e-12).Should().BeTrue("{0} moves by exactly one step of the optimiser, with the gradients the step left", name);
    }

    [Fact]
    public void Repeated_steps_on_one_batch_lower_its_loss_every_time()
    {
        using var classifier = Classifier();
        using var sgd = optim.SGD(classifier.parameters(), Rate);

        var losses = Enumerable.Range(0, 8).Select(_ => Trainer.TrainStep(classifier, sgd, _batch, _classes).Loss.item<double>()).ToList();

        losses.Zip(losses.Skip(1)).Should().OnlyContain(pair => pair.Second < pair.First,
            "each step goes against the gradient of the same batch, so its loss falls at every step ({0})", string.Join(", ", losses.Select(l => l.ToString("F6", System.Globalization.CultureInfo.InvariantCulture))));
    }
}
