using System.Diagnostics;
using Spectre.Console;

namespace SearchApi.Operations;

/// <summary>
/// Count, rate, share done and time left of an operator command, on the error stream (standard output is for what a
/// command produces). On a terminal Spectre.Console draws it as a live bar, and the command's logs below warnings are
/// left out meanwhile so that they do not break the bar (<see cref="Observability.StructuredLogs"/>); redirected (a
/// script, CI) it writes one plain line every few seconds between the JSON log lines.
/// </summary>
public sealed class ProgressDisplay(string unit, long total)
{
    private const int RedirectedEveryMs = 5_000;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastLine = -RedirectedEveryMs;
    private ProgressTask? _bar;

    /// <summary>Whether the bar is drawn live: the error stream is a terminal.</summary>
    public static bool Live => !Console.IsErrorRedirected;

    public long Count { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>How far the work has come, in the unit <c>total</c> is in (bytes read, sequence reached).</summary>
    public long Done { get; set; }

    /// <summary>Runs the work with the progress shown, live on a terminal.</summary>
    public async Task RunAsync(Func<Task> work)
    {
        if (!Live)
        {
            await work();
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask(Description(), maxValue: Math.Max(1, total));
                await work();
                _bar.Value = _bar.MaxValue;
                _bar.Description = Description();
            });
    }

    public void Add(long count, long rejected)
    {
        Count += count;
        Rejected += rejected;
        if (_bar is { } bar)
        {
            bar.Value = Math.Min(bar.MaxValue, Done);
            bar.Description = Description();
            return;
        }
        var now = _clock.ElapsedMilliseconds;
        if (now - _lastLine < RedirectedEveryMs) return;
        _lastLine = now;
        Console.Error.WriteLine(Line());
    }

    public void Finish()
    {
        if (_bar is null) Console.Error.WriteLine(Line());
        Console.Error.WriteLine($"done in {_clock.Elapsed.TotalSeconds:N1} s");
    }

    private string Description() =>
        $"{Count:N0} {unit} · {Count / Math.Max(0.001, _clock.Elapsed.TotalSeconds):N0}/s" + (Rejected > 0 ? $" · {Rejected:N0} rejected" : "");

    private string Line()
    {
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var share = total > 0 ? Math.Min(1.0, (double)Done / total) : 0;
        var eta = share > 0.01 ? TimeSpan.FromSeconds(seconds / share - seconds) : (TimeSpan?)null;
        return Description() + $" · {share * 100:F0}%" + (eta is { } left ? $" · ETA {left:m\\:ss}" : "");
    }
}
