using System.Diagnostics;
using System.Text;

namespace Retention.DevServers;

/// <summary>Keeps the first few kilobytes a server printed, to put in the error when it does not start.</summary>
internal sealed class ProcessOutput
{
    private const int Limit = 8000;
    private readonly StringBuilder _text = new();

    /// <summary>Starts reading the process's stdout and stderr; <paramref name="onLine"/> sees every line as it arrives.</summary>
    public void Capture(Process process, Action<string>? onLine = null)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => Add(e.Data, onLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString().Trim();
        }
    }

    private void Add(string? line, Action<string>? onLine)
    {
        if (line is null)
        {
            return;
        }
        lock (_text)
        {
            if (_text.Length < Limit)
            {
                _text.AppendLine(line);
            }
        }
        onLine?.Invoke(line);
    }
}
