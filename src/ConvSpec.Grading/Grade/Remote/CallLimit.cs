using System.Globalization;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// How long one call into a submission may run. <see cref="Cpu"/> is CPU time the submission's processes use,
/// read from their control group, so a call gets the same verdict on a busy machine as on an idle one.
/// <see cref="Wall"/> stops code that waits without computing. Where no control group accounts CPU time, the
/// wall clock is held to <see cref="Cpu"/> instead.
/// </summary>
public sealed record CallLimit(TimeSpan Cpu, TimeSpan Wall)
{
    /// <summary>What is left of the submission's test time when the call starts; the call ends when it runs out.</summary>
    public TimeSpan? BudgetLeft { get; init; }

    /// <summary>The submission's whole test time, for the message.</summary>
    public TimeSpan Budget { get; init; }

    /// <summary>This limit, also ended by what is left of the submission's test time.</summary>
    public CallLimit Within(TimeSpan budgetLeft, TimeSpan budget) =>
        this with { BudgetLeft = budgetLeft < TimeSpan.Zero ? TimeSpan.Zero : budgetLeft, Budget = budget };

    /// <summary>How many times its CPU time a call may take on the wall clock: room for a machine several times oversubscribed.</summary>
    public const int WallClockFactor = 6;

    /// <summary>The limit of a call given <paramref name="cpu"/> seconds of CPU time.</summary>
    public static CallLimit OfCpu(TimeSpan cpu) => new(cpu, cpu * WallClockFactor);

    /// <summary>A duration as the feedback writes it: "5 s".</summary>
    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s");
}
