using System.Text;
using ConvSpec.ExerciseHost.Protocol;
using ConvSpec.Exercises;

// Answers the graded specs' calls with the exercise code of the ConvSpec.dll beside this program: one JSON
// request a line on stdin, one answer a line on stdout (docs/grading.md, "The result channel"). Whatever the
// submission prints goes to stderr, where the grader counts it, so it cannot be mistaken for an answer.
var encoding = new UTF8Encoding(false);
using var requests = new StreamReader(Console.OpenStandardInput(), encoding);
using var answers = new StreamWriter(Console.OpenStandardOutput(), encoding) { AutoFlush = true, NewLine = "\n" };
Console.SetOut(Console.Error);
Console.SetIn(TextReader.Null);

// libtorch is loaded while the host starts, under the start limit, so that no graded call pays for loading
// half a gigabyte of native code: on a loaded machine with a cold disk that alone can outlast a call's limit.
TorchSharp.torch.zeros(1).Dispose();

var code = new LibraryExerciseCode();
answers.WriteLine(ExerciseDispatcher.Ready());
while (requests.ReadLine() is { } request)
    answers.WriteLine(ExerciseDispatcher.Handle(request, code));
