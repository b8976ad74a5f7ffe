using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>
/// How much any fixed split of judgments over the pairs could save, against an even split, for the ranking precision goal
/// (docs/BENCHMARKS.md, "Adaptive studies"). A condition's rating interval is the mean of its pairs' Elo intervals
/// (<see cref="Platform.Studies.RankingPrecision"/>); for large counts a pair's is about √(v / n) wide, v = 1 / (q(1 − q))
/// over the share of answers that are not ties. With a share p of N judgments on each pair, the N the goal needs grows
/// as the widest condition's Σ √(v / p) squared. The search below finds a good split (what assignment could reach); the
/// dual bound says no split can do better: for weights λ over the conditions, Σ_pairs (λᵢ + λⱼ) √(v / p) is at most the
/// widest sum and is least at p ∝ ((λᵢ + λⱼ)√v)^⅔, where it is (Σ ((λᵢ + λⱼ)√v)^⅔)^{3/2}.
/// </summary>
public static class RankingAllocationBound
{
    public static int Run(string[] args)
    {
        // adaptive-bound [Elo gap between neighbours] [conditions] [tie rate]
        var gap = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 80;
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 6;
        var ties = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.3;
        var pairs = (from i in Enumerable.Range(0, count) from j in Enumerable.Range(i + 1, count - i - 1) select (First: i, Second: j)).ToArray();
        var variance = pairs.Select(p => Variance(gap * (p.Second - p.First), ties)).ToArray();

        var even = Enumerable.Repeat(1.0 / pairs.Length, pairs.Length).ToArray();
        var (best, found) = Search(pairs, variance, count, even);
        var bound = DualBound(pairs, variance, count);
        var uniform = Cost(pairs, variance, count, even);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} conditions {gap} Elo points apart in turn, {ties:P0} ties: the best split found needs uniform ÷ {uniform / found:0.000}; no split can need less than uniform ÷ {uniform / bound:0.000}"));
        for (var k = 0; k < pairs.Length; k++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pair {pairs[k].First}–{pairs[k].Second}: {best[k] * pairs.Length:0.00} × an even share"));
        return 0;
    }

    /// <summary>One judgment's variance on the log-odds scale of a pair <paramref name="gap"/> Elo points apart.</summary>
    private static double Variance(double gap, double ties)
    {
        var q = 1 / (1 + Math.Pow(10, -gap / 400));
        return 1 / (q * (1 - q)) / (1 - ties);
    }

    /// <summary>The square of the widest condition's Σ √(v / p): proportional to the N the goal needs with split <paramref name="share"/>.</summary>
    private static double Cost((int First, int Second)[] pairs, double[] variance, int count, double[] share)
    {
        var sums = new double[count];
        for (var k = 0; k < pairs.Length; k++)
        {
            var width = Math.Sqrt(variance[k] / share[k]);
            sums[pairs[k].First] += width;
            sums[pairs[k].Second] += width;
        }
        return Math.Pow(sums.Max(), 2);
    }

    /// <summary>Moves a random part of one pair's share to another while that lowers the cost (the problem is convex).</summary>
    private static (double[] Share, double Cost) Search((int First, int Second)[] pairs, double[] variance, int count, double[] start)
    {
        var random = new Random(1);
        var best = (double[])start.Clone();
        var cost = Cost(pairs, variance, count, best);
        var step = 0.3;
        for (var round = 0; round < 400_000; round++)
        {
            if (round % 50_000 == 49_999) step /= 2;
            var (from, to) = (random.Next(pairs.Length), random.Next(pairs.Length));
            if (from == to) continue;
            var trial = (double[])best.Clone();
            var moved = trial[from] * step * random.NextDouble();
            trial[from] -= moved;
            trial[to] += moved;
            var c = Cost(pairs, variance, count, trial);
            if (c < cost) (best, cost) = (trial, c);
        }
        return (best, cost);
    }

    /// <summary>The greatest dual bound over condition weights found by the same kind of search: a cost no split can go below.</summary>
    private static double DualBound((int First, int Second)[] pairs, double[] variance, int count)
    {
        double Bound(double[] weights) => Math.Pow(Math.Pow(pairs.Select((p, k) => Math.Pow((weights[p.First] + weights[p.Second]) * Math.Sqrt(variance[k]), 2.0 / 3)).Sum(), 1.5), 2);
        var random = new Random(2);
        var best = Enumerable.Repeat(1.0 / count, count).ToArray();
        var bound = Bound(best);
        var step = 0.3;
        for (var round = 0; round < 200_000; round++)
        {
            if (round % 25_000 == 24_999) step /= 2;
            var (from, to) = (random.Next(count), random.Next(count));
            if (from == to) continue;
            var trial = (double[])best.Clone();
            var moved = trial[from] * step * random.NextDouble();
            trial[from] -= moved;
            trial[to] += moved;
            var b = Bound(trial);
            if (b > bound) (best, bound) = (trial, b);
        }
        return bound;
    }
}
