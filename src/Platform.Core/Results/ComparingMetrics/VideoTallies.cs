using Platform.Voting;

namespace Platform.Results;

/// <summary>
/// The people's judgments counted per video. A video's share is what it earned of its judgments: a success in a rating,
/// a win in a pair, a tie half a win. A condition's rate counts outright successes or wins only, so it is a binomial
/// proportion with a Wilson interval.
/// </summary>
internal sealed class VideoTallies
{
    private readonly Dictionary<Guid, (int Won, int Tied, int Taken)> _videos = [];
    private readonly Dictionary<(Guid, Guid), (int First, int Second)> _pairs = [];

    public static VideoTallies From(IReadOnlyList<VideoJudgment> judgments)
    {
        var tallies = new VideoTallies();
        foreach (var judgment in judgments) tallies.Add(judgment);
        return tallies;
    }

    public bool Judged(Guid video) => _videos.ContainsKey(video);

    public double Share(Guid video)
    {
        var (won, tied, taken) = _videos[video];
        return (won + 0.5 * tied) / taken;
    }

    public (long Won, long Taken) Rate(IEnumerable<Guid> videos)
    {
        long won = 0, taken = 0;
        foreach (var video in videos)
        {
            if (!_videos.TryGetValue(video, out var tally)) continue;
            won += tally.Won;
            taken += tally.Taken;
        }
        return (won, taken);
    }

    /// <summary>The judged pairs whose two videos both have a value of the metric.</summary>
    public IReadOnlyList<JudgedPair> Pairs(IReadOnlyDictionary<Guid, double> metric) =>
        [.. _pairs.Where(p => metric.ContainsKey(p.Key.Item1) && metric.ContainsKey(p.Key.Item2))
            .Select(p => new JudgedPair(metric[p.Key.Item1], metric[p.Key.Item2], p.Value.First, p.Value.Second))];

    private void Add(VideoJudgment judgment)
    {
        if (judgment.Right is not { } right)
        {
            Count(judgment.Left, judgment.Choice == Choice.Success, tied: false);
            return;
        }
        Count(judgment.Left, judgment.Choice == Choice.Left, judgment.Choice == Choice.Same);
        Count(right, judgment.Choice == Choice.Right, judgment.Choice == Choice.Same);
        var key = judgment.Left.CompareTo(right) < 0 ? (judgment.Left, right) : (right, judgment.Left);
        var firstWon = judgment.Choice == (key.Item1 == judgment.Left ? Choice.Left : Choice.Right);
        var secondWon = judgment.Choice == (key.Item1 == judgment.Left ? Choice.Right : Choice.Left);
        var (first, second) = _pairs.GetValueOrDefault(key);
        _pairs[key] = (first + (firstWon ? 1 : 0), second + (secondWon ? 1 : 0));
    }

    private void Count(Guid video, bool won, bool tied)
    {
        var (w, t, n) = _videos.GetValueOrDefault(video);
        _videos[video] = (w + (won ? 1 : 0), t + (tied ? 1 : 0), n + 1);
    }
}
