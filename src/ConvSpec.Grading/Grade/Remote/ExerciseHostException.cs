namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// A call into a submission did not give an answer: its code threw, ran past its time, crashed, printed or
/// used too much. The message is what the student reads in the failed spec's feedback; it may quote student
/// text, so it is cleaned and cut here (<see cref="StudentText"/>), before any report can hold it.
/// </summary>
public sealed class ExerciseHostException(string message) : Exception(StudentText.Clean(message));
