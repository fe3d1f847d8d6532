using ConvSpec.Lab;
using ConvSpec.Mnist;
using ConvSpec.Tests.Approval.Snapshots;

namespace ConvSpec.Tests.Approval;

[Trait("Category", "Mnist")]
public class MnistGridSnapshotSpecs
{
    [Fact]
    [Specifies("Rule: MNIST grid like make_grid")]
    public async Task The_first_100_training_digits_20_per_row()
    {
        MnistData data = await MnistData.LoadAsync(cancel: TestContext.Current.CancellationToken);

        Snapshot.Verify(MnistExercise.DigitGrid(data.Train, 100), "mnist-first-100-training-digits");
    }
}
