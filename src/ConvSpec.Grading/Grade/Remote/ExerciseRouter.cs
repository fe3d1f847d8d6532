using System.Diagnostics;
using System.Runtime.CompilerServices;
using ConvSpec.Exercises;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// Gives each graded spec the exercise host that may answer it. Hidden specs get hosts of their own, started fresh
/// and never called by a visible spec, so nothing a hidden spec sent can come back in a visible spec's message; and
/// an exercise that builds on others calls the submission's build in which those others are the reference solution's
/// (<see cref="ExerciseRoutes"/>). Hosts start at their first call; all of them share the submission's test time, and the hosts
/// of one build share whether it loaded.
/// </summary>
internal sealed class ExerciseRouter(ExerciseHostSettings settings, ExerciseRoutes routes) : IDisposable
{
    private readonly Stopwatch _spent = new();
    private readonly Dictionary<(string Host, bool Hidden), (ExerciseHostClient Client, IExerciseCode Code)> _hosts = [];
    private readonly Dictionary<string, StrongBox<string?>> _loadFailures = [];
    private readonly object _gate = new();

    /// <summary>The code that answers a spec of <paramref name="testClass"/> (full name) graded under <paramref name="exercise"/>.</summary>
    public IExerciseCode For(string testClass, string exercise)
    {
        bool hidden = testClass.StartsWith(GradingLayout.HiddenNamespace, StringComparison.Ordinal);
        string host = routes.HostAssemblyByExercise.GetValueOrDefault(exercise, settings.HostAssembly);
        lock (_gate)
        {
            if (!_hosts.TryGetValue((host, hidden), out var entry))
            {
                if (!_loadFailures.TryGetValue(host, out var loadFailure)) _loadFailures[host] = loadFailure = new StrongBox<string?>();
                var client = new ExerciseHostClient(settings with { HostAssembly = host }, _spent, loadFailure);
                entry = (client, ExerciseProxy.Over(client));
                _hosts[(host, hidden)] = entry;
            }
            return entry.Code;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var (client, _) in _hosts.Values) client.Dispose();
            _hosts.Clear();
        }
    }
}
