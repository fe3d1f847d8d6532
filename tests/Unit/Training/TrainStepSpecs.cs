using ConvSpec.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>
/// Trainer.TrainStep, the notebook's loop body: forward, cross-entropy of the raw scores, zero_grad, backward,
/// step. Checked with plain SGD, whose step p ← p − η·∂L/∂p is written out here with autograd: that is the
/// exercise's answer, so this class is the instructor's only (GradingLayout.InstructorOnlyPaths);
/// <see cref="TrainStepObservedSpecs"/> pins the same rule in the starter without writing the step out.
/// </summary>
[Specifies("Rule: the training step")]
public sealed class TrainStepSpecs : IDisposable
{
    private const double LearningRate = 0.5;
    private readonly DisposeScope scope = NewDisposeScope();
    private readonly Tensor inputs;
    private readonly Tensor labels = tensor(new long[] { 2, 0, 1, 1, 0 });

    public TrainStepSpecs() => inputs = randn(5, 4);

    public void Dispose() => scope.Dispose();

    private static nn.Module<Tensor, Tensor> Network() => nn.Sequential(("0", nn.Linear(4, 3)));

    /// <summary>A second network with the same parameters: copied, since seeding twice would race with specs that draw from torch's one generator meanwhile.</summary>
    private static nn.Module<Tensor, Tensor> TwinOf(nn.Module<Tensor, Tensor> model)
    {
        var twin = Network();
        twin.load_state_dict(model.state_dict());
        return twin;
    }

    [Fact]
    public void The_loss_is_the_cross_entropy_of_the_scores_before_the_step()
    {
        using var model = Network();
        float before = nn.functional.cross_entropy(model.call(inputs), labels).item<float>();
        using var sgd = optim.SGD(model.parameters(), LearningRate);

        var (logits, loss) = Trainer.TrainStep(model, sgd, inputs, labels);

        loss.item<float>().Should().Be(before, "the loss is computed on the scores of the parameters the step starts from");
        logits.shape.Should().Equal([5, 3], "the scores are the model's raw outputs for the batch");
    }

    [Fact]
    public void One_step_moves_each_parameter_against_its_gradient()
    {
        using var model = Network();
        using var reference = TwinOf(model);
        var weights = reference.parameters().ToList<Tensor>();
        var gradients = autograd.grad([nn.functional.cross_entropy(reference.call(inputs), labels)], weights);
        using var sgd = optim.SGD(model.parameters(), LearningRate);

        Trainer.TrainStep(model, sgd, inputs, labels);

        foreach (var ((name, after), n) in model.named_parameters().Select((p, n) => (p, n)))
        {
            using var expected = weights[n].detach() - gradients[n] * LearningRate;
            after.allclose(expected, rtol: 0, atol: 1e-6).Should().BeTrue($"{name} becomes p − η·∂L/∂p after one SGD step");
        }
    }

    [Fact]
    public void Gradients_left_from_before_do_not_leak_into_the_step()
    {
        using var clean = Network();
        using var stale = TwinOf(clean);
        foreach (var p in stale.parameters()) p.grad = ones_like(p) * 100;

        using var cleanSgd = optim.SGD(clean.parameters(), LearningRate);
        using var staleSgd = optim.SGD(stale.parameters(), LearningRate);
        Trainer.TrainStep(clean, cleanSgd, inputs, labels);
        Trainer.TrainStep(stale, staleSgd, inputs, labels);

        foreach (var (a, b) in clean.parameters().Zip(stale.parameters()))
            a.allclose(b, rtol: 0, atol: 0).Should().BeTrue("backward() adds to .grad, so zero_grad() before it is what makes each step use only its own batch");
    }
}
