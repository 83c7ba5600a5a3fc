using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace ActionKit.Typed.Cli.Pull;

/// <summary>
/// A one-line progress display on the error stream (spinner, bytes received, percent when the size is known,
/// elapsed time), redrawn in place. Quiet when the stream is not a terminal, so logs and pipes stay clean.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private static readonly char[] Frames = { '|', '/', '-', '\\' };
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly object _gate = new();
    private long _received;
    private long? _total;
    private string _stage;
    private int _frame;
    private int _width;
    private bool _done;

    public ProgressDisplay(TextWriter writer, bool enabled, string label)
    {
        _writer = writer;
        _label = label;
        _stage = "waiting for ActionKit";
        if (enabled)
        {
            _timer = new Timer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(120));
        }
    }

    public void Stage(string stage)
    {
        lock (_gate)
        {
            _stage = stage;
        }
    }

    public void Report(long received, long? total)
    {
        lock (_gate)
        {
            _received = received;
            _total = total;
            _stage = "receiving";
        }
    }

    public void Dispose()
    {
        if (_timer is null)
        {
            return;
        }

        _timer.Dispose();
        lock (_gate)
        {
            _done = true;
            _writer.Write("\r" + new string(' ', _width) + "\r");
            _writer.Flush();
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            var size = _received > 0 ? $" {FormatBytes(_received)}" : string.Empty;
            var percent = _total is > 0 ? string.Create(CultureInfo.InvariantCulture, $" {Math.Min(100, _received * 100 / _total.Value),3}%") : string.Empty;
            var line = string.Create(CultureInfo.InvariantCulture, $"{Frames[_frame++ % Frames.Length]} {_label}: {_stage}{size}{percent} ({_clock.Elapsed.TotalSeconds:0.0}s)");
            _writer.Write("\r" + line.PadRight(_width));
            _width = Math.Max(_width, line.Length);
            _writer.Flush();
        }
    }

    private static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB"),
    };
}
