namespace Platform.Benchmarks;

/// <summary>
/// What the platform process writes (console logging, one line per entry), kept in a file beside its data and
/// tallied by level, so a run can say what the platform complained about under load.
/// </summary>
public sealed class PlatformLog(string path) : IDisposable
{
    private readonly StreamWriter _file = new(path) { AutoFlush = true };
    private readonly Queue<string> _tail = new();
    private readonly Dictionary<string, int> _levels = [];
    private readonly Dictionary<string, (int Count, string Example)> _problems = [];

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_file)
        {
            _file.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 200) _tail.Dequeue();
            // The simple formatter's single-line entries: "HH:mm:ss warn: Category[id] message".
            var level = Level(line);
            if (level is null) return;
            _levels[level] = _levels.GetValueOrDefault(level) + 1;
            if (level is "warn" or "fail" or "crit")
            {
                // Grouped by level, category and event id: messages carry ids that differ every time.
                var entry = line[line.IndexOf(level, StringComparison.Ordinal)..];
                var end = entry.IndexOf(']', StringComparison.Ordinal);
                var key = end > 0 ? entry[..(end + 1)] : entry[..Math.Min(entry.Length, 80)];
                var (count, example) = _problems.GetValueOrDefault(key, (0, entry[..Math.Min(entry.Length, 300)]));
                _problems[key] = (count + 1, example);
            }
        }
    }

    private static string? Level(string line)
    {
        foreach (var level in new[] { "trce", "dbug", "info", "warn", "fail", "crit" })
        {
            var at = line.IndexOf(level + ": ", StringComparison.Ordinal);
            if (at is >= 0 and <= 12) return level;
        }
        return null;
    }

    public string Tail(int lines)
    {
        lock (_file) return string.Join('\n', _tail.TakeLast(lines));
    }

    public void PrintSummary()
    {
        lock (_file)
        {
            Console.WriteLine($"platform log: {string.Join(", ", _levels.OrderBy(l => l.Key).Select(l => $"{l.Value} {l.Key}"))}");
            foreach (var (_, (count, example)) in _problems.OrderByDescending(p => p.Value.Count).Take(12))
                Console.WriteLine($"  {count,6} × {example}");
            if (_problems.Count > 12) Console.WriteLine($"  … and {_problems.Count - 12} other warnings or errors");
        }
    }

    public void Dispose() => _file.Dispose();
}
