namespace Platform.Results;

/// <summary>
/// Bradley–Terry ratings on the Elo scale (400 · log10 odds, mean 1000), ties half a win to each side, with
/// percentile bootstrap intervals as Chatbot Arena reports them (Chiang et al. 2024, "Chatbot Arena").
/// The maximum-likelihood fit and its edge cases are described in <see cref="BradleyTerryMle"/>.
/// </summary>
public static class BradleyTerry
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20240101;

    private const double Mean = 1000;
    private static readonly double EloPerLogOdds = 400 / Math.Log(10);

    /// <summary>Maximum-likelihood ratings in condition index order; conditions never compared get 1000.</summary>
    public static double[] Fit(int conditions, IReadOnlyList<PairOutcome> outcomes)
    {
        var table = PairTable.From(conditions, outcomes);
        return ToElo(Solve(table, table.Cells, start: null));
    }

    /// <summary>
    /// The fit plus 2.5 / 97.5 percentiles (type 7) over <paramref name="resamples"/> bootstrap resamples of the
    /// judgments, and the ranks the intervals allow (<see cref="RankRange"/>), in condition index order, for the conditions compared at least once. A condition never
    /// compared has no rating (the fit only parks it at the mean), so it is left out and takes no part in the ranks:
    /// counting its point interval at 1000 would push every condition whose upper bound is below 1000 down a rank.
    /// Resampling n judgments with replacement is a multinomial draw over the (pair, outcome) cells, so a resample
    /// costs the same for a thousand judgments or a million.
    /// Every resample has its own generator seeded from <paramref name="seed"/>: the same inputs and seed give the
    /// same numbers however the resamples are scheduled across threads.
    /// </summary>
    public static IReadOnlyList<Rating> Rank(int conditions, IReadOnlyList<PairOutcome> outcomes, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var table = PairTable.From(conditions, outcomes);
        var theta = Solve(table, table.Cells, start: null);
        var values = ToElo(theta);
        var total = table.Cells.Sum();

        var generator = new Random(seed);
        var seeds = Enumerable.Range(0, resamples).Select(_ => generator.Next()).ToArray();
        var draws = new double[conditions][];
        for (var i = 0; i < conditions; i++)
            draws[i] = new double[resamples];
        Parallel.For(0, resamples, r =>
        {
            var cells = new long[table.Cells.Length];
            Multinomial.Draw(new Random(seeds[r]), total, table.Cells, cells);
            var ratings = ToElo(Solve(table, cells, theta));
            for (var i = 0; i < conditions; i++)
                draws[i][r] = ratings[i];
        });

        var lows = new double[conditions];
        var highs = new double[conditions];
        for (var i = 0; i < conditions; i++)
        {
            Array.Sort(draws[i]);
            lows[i] = Percentile.Of(draws[i], 0.025);
            highs[i] = Percentile.Of(draws[i], 0.975);
        }
        var judgments = table.Judgments();
        var compared = Enumerable.Range(0, conditions).Where(i => judgments[i] > 0).ToList();
        var ranks = RankRange.Of([.. compared.Select(i => (lows[i], highs[i]))]);
        return compared
            .Select((i, at) => new Rating(i, values[i], lows[i], highs[i], ranks[at].Best, judgments[i], ranks[at].Worst))
            .ToList();
    }

    private static double[] Solve(PairTable table, long[] cells, double[]? start)
    {
        var (firstWins, secondWins) = table.Wins(cells);
        return BradleyTerryMle.Solve(table.Conditions, table.First, table.Second, firstWins, secondWins, start);
    }

    private static double[] ToElo(double[] theta)
    {
        var mean = theta.Length == 0 ? 0 : theta.Average();
        return theta.Select(value => Mean + EloPerLogOdds * (value - mean)).ToArray();
    }
}
