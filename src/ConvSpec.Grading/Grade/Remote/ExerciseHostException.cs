namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// A call into a submission did not give an answer: its code threw, ran past its time, crashed, printed or
/// used too much. The message is what the student reads in the failed spec's feedback.
/// </summary>
public sealed class ExerciseHostException(string message) : Exception(message);
