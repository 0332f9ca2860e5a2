using System.Diagnostics;

namespace SearchApi.Operations;

/// <summary>Count, rate and estimated time left on the error stream: redrawn in place on a terminal, a line every few seconds otherwise.</summary>
public sealed class ProgressDisplay(string unit, long totalBytes)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private long _lastDraw = -10_000;

    public long Count { get; private set; }

    public long Rejected { get; private set; }

    public long BytesDone { get; set; }

    public void Add(long count, long rejected)
    {
        Count += count;
        Rejected += rejected;
        Draw(force: false);
    }

    public void Draw(bool force)
    {
        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastDraw < (_terminal ? 250 : 5_000)) return;
        _lastDraw = now;
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var rate = Count / seconds;
        var share = totalBytes > 0 ? Math.Min(1.0, (double)BytesDone / totalBytes) : 0;
        var eta = share > 0.01 ? TimeSpan.FromSeconds(seconds / share - seconds) : (TimeSpan?)null;
        var line = $"{Count:N0} {unit} · {rate:N0}/s · {share * 100:F0}%" + (eta is { } left ? $" · ETA {left:m\\:ss}" : "") + (Rejected > 0 ? $" · {Rejected:N0} rejected" : "");
        if (_terminal) Console.Error.Write("\r" + line.PadRight(78));
        else Console.Error.WriteLine(line);
    }

    public void Finish()
    {
        Draw(force: true);
        if (_terminal) Console.Error.WriteLine();
        Console.Error.WriteLine($"done in {_clock.Elapsed.TotalSeconds:N1} s");
    }
}
