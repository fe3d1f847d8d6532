using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ConvSpec.ExerciseHost.Protocol;
using ConvSpec.Exercises;
using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// The graded specs' end of a submission's exercise host. Starts the host (in the sandbox, in a control group
/// of its own), sends one call at a time, enforces the per-call limit (<see cref="CallLimit"/>) and the submission's whole test-time
/// budget, and starts a fresh host after one crashed or was stopped, so a bad method costs only the specs that
/// call it. The specs' verdicts are computed here, in the trusted process, from the answers alone.
/// </summary>
public sealed class ExerciseHostClient : IDisposable
{
    private readonly ExerciseHostSettings _settings;
    private readonly Sandbox _sandbox;
    private readonly ControlGroup? _group;
    private readonly object _gate = new();
    private readonly Stopwatch _spent;
    private ExerciseHostProcess? _host;
    private long _nextId = ExerciseResponse.ReadyId + 1;
    private long _outOfMemoryKills;
    private static int _clients;
    private readonly StrongBox<string?> _loadFailure;

    /// <summary>How a call's failure starts when the submission's test time (--student-timeout) is used up.</summary>
    public const string BudgetUsedUp = "not run: this submission used up its";

    /// <summary>How a call's failure starts when the submission did not load in an earlier call.</summary>
    public const string NotLoaded = "not run: the submission's code did not load earlier, so it is not loaded again:";

    /// <param name="spent">The submission's test time so far, shared by all its hosts (<see cref="ExerciseHostSettings.Budget"/> caps it); a fresh clock when null.</param>
    /// <param name="loadFailure">Why the same build did not load, shared by the hosts of one build (visible and hidden specs'): its
    /// start would overrun or crash again, so once one host has failed to load it, no other is started for it. A box of its own when null.</param>
    public ExerciseHostClient(ExerciseHostSettings settings, Stopwatch? spent = null, StrongBox<string?>? loadFailure = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _spent = spent ?? new Stopwatch();
        _loadFailure = loadFailure ?? new StrongBox<string?>();
        _sandbox = Sandbox.Chosen(settings.BubblewrapPath);
        _group = ControlGroup.TryCreate($"convspec-host-{Environment.ProcessId}-{Interlocked.Increment(ref _clients)}", settings.Limits, out _);
    }

    /// <summary>Calls <paramref name="method"/> of <see cref="IExerciseCode"/> in the host and returns its result.</summary>
    /// <exception cref="ExerciseHostException">The submission threw, or gave no answer (the message says why).</exception>
    public object? Call(MethodInfo method, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        lock (_gate)
        {
            if (_spent.Elapsed >= _settings.Budget)
                throw new ExerciseHostException(string.Create(CultureInfo.InvariantCulture,
                    $"{BudgetUsedUp} {_settings.Budget.TotalSeconds:0} s of test time."));
            if (Volatile.Read(ref _loadFailure.Value) is { } failure)
                throw new ExerciseHostException($"{NotLoaded} {failure}");
            _spent.Start();
            try
            {
                _host ??= StartHost();
                var request = new ExerciseRequest(_nextId++, method.Name,
                    method.GetParameters().Select((p, n) => JsonSerializer.SerializeToElement(arguments[n], p.ParameterType, ExerciseJson.Options)).ToArray());
                string line = Exchange(JsonSerializer.Serialize(request, ExerciseJson.Options), WithinBudget(_settings.CallLimit), method.Name);
                ExerciseResponse response = Parse(line, request.Id, method.Name);
                if (response.Error is { } error)
                    throw new ExerciseHostException($"{method.Name} threw {StudentText.Clean(error.Type, 200)}: {StudentText.Clean(error.Message, 3000)}"
                        + (string.IsNullOrEmpty(error.StackTop) ? "" : "\n" + StudentText.Clean(error.StackTop, 2000)));
                try
                {
                    return response.Result is { } result ? result.Deserialize(method.ReturnType, ExerciseJson.Options) : null;
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
                {
                    throw Forget(new ExerciseHostException($"the answer to {method.Name} is not a {method.ReturnType.Name}."));
                }
            }
            finally
            {
                _spent.Stop();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _host?.Dispose();
            _host = null;
            _group?.Dispose();
        }
    }

    /// <summary>
    /// Starts a host and waits for it to load the submission. A submission that did not load once (its module
    /// initializer ran past the start limit or crashed) is not loaded again: every later call fails at once, so
    /// such a submission cannot spend its whole test time loading, call after call.
    /// </summary>
    private ExerciseHostProcess StartHost()
    {
        var started = ExerciseHostProcess.Start(_settings, _sandbox, _group);
        _host = started;
        try
        {
            Parse(Exchange(null, WithinBudget(ExerciseHostSettings.StartLimit), "loading the submission"), ExerciseResponse.ReadyId, "loading the submission");
        }
        catch (ExerciseHostException failure)
        {
            Volatile.Write(ref _loadFailure.Value, failure.Message);
            throw;
        }
        return started;
    }

    /// <summary>
    /// <paramref name="limit"/>, held to what is left of the submission's test time, so that no call can carry the
    /// trusted test run past its own limit (which would lose the verdicts it had already reached).
    /// </summary>
    private CallLimit WithinBudget(CallLimit limit) => limit.Within(_settings.Budget - _spent.Elapsed, _settings.Budget);

    private string Exchange(string? request, CallLimit limit, string call)
    {
        try
        {
            return _host!.Exchange(request, limit, call);
        }
        catch (ExerciseHostException failure)
        {
            long kills = _group?.OutOfMemoryKills() ?? 0;
            bool outOfMemory = kills > _outOfMemoryKills;
            _outOfMemoryKills = kills;
            throw Forget(outOfMemory
                ? new ExerciseHostException($"the submission's process ran out of memory ({_settings.Limits.MemoryBytes / (1024 * 1024)} MiB) while running {call}.")
                : failure);
        }
    }

    private ExerciseResponse Parse(string line, long id, string call)
    {
        ExerciseResponse? response = null;
        try
        {
            // Student text in the answer (an exception's message, a parameter's name) is made safe before it is read.
            response = JsonSerializer.Deserialize<ExerciseResponse>(StudentText.CleanJson(line), ExerciseJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            // Reported below, with the line.
        }
        if (response is null || response.Id != id)
        {
            string start = line.Length > 200 ? line[..200] + " …" : line;
            throw Forget(new ExerciseHostException($"while running {call}, the submission's process wrote something that is not the answer: {start}"));
        }
        return response;
    }

    /// <summary>Stops the host after a failure, so the next call starts with a fresh one; returns <paramref name="failure"/> to throw.</summary>
    private ExerciseHostException Forget(ExerciseHostException failure)
    {
        _host?.Dispose();
        _host = null;
        return failure;
    }
}
