namespace Platform.Results;

/// <summary>
/// Pairwise outcomes folded into one row per unordered pair, lower index first, rows sorted: the same judgments
/// give the same table whichever side or order they were listed in. Each row has three cells: first wins, ties,
/// second wins.
/// </summary>
internal sealed class PairTable
{
    public const int CellsPerPair = 3;

    private PairTable(int conditions, int[] first, int[] second, long[] cells)
    {
        Conditions = conditions;
        First = first;
        Second = second;
        Cells = cells;
    }

    public int Conditions { get; }
    public int[] First { get; }
    public int[] Second { get; }
    public long[] Cells { get; }
    public int Pairs => First.Length;

    public static PairTable From(int conditions, IReadOnlyList<PairOutcome> outcomes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(conditions);
        ArgumentNullException.ThrowIfNull(outcomes);
        var rows = new SortedDictionary<(int First, int Second), long[]>();
        foreach (var outcome in outcomes)
        {
            var (a, b) = (outcome.A, outcome.B);
            if (a < 0 || a >= conditions || b < 0 || b >= conditions || a == b)
                throw new ArgumentException($"Pair ({a}, {b}) is not two distinct conditions in [0, {conditions}).", nameof(outcomes));
            if (outcome.AWins < 0 || outcome.Ties < 0 || outcome.BWins < 0)
                throw new ArgumentException($"Pair ({a}, {b}) has a negative count.", nameof(outcomes));
            var key = (Math.Min(a, b), Math.Max(a, b));
            if (!rows.TryGetValue(key, out var row))
                rows[key] = row = new long[CellsPerPair];
            row[0] += a < b ? outcome.AWins : outcome.BWins;
            row[1] += outcome.Ties;
            row[2] += a < b ? outcome.BWins : outcome.AWins;
        }
        var first = rows.Keys.Select(key => key.First).ToArray();
        var second = rows.Keys.Select(key => key.Second).ToArray();
        return new PairTable(conditions, first, second, rows.Values.SelectMany(row => row).ToArray());
    }

    /// <summary>Comparisons each condition took part in.</summary>
    public long[] Judgments()
    {
        var judgments = new long[Conditions];
        for (var e = 0; e < Pairs; e++)
        {
            var total = Cells[CellsPerPair * e] + Cells[CellsPerPair * e + 1] + Cells[CellsPerPair * e + 2];
            judgments[First[e]] += total;
            judgments[Second[e]] += total;
        }
        return judgments;
    }

    /// <summary>Win weights of each pair's first and second condition from the given cell counts, a tie half to each.</summary>
    public (double[] FirstWins, double[] SecondWins) Wins(ReadOnlySpan<long> cells)
    {
        var firstWins = new double[Pairs];
        var secondWins = new double[Pairs];
        for (var e = 0; e < Pairs; e++)
        {
            var halfTies = cells[CellsPerPair * e + 1] / 2.0;
            firstWins[e] = cells[CellsPerPair * e] + halfTies;
            secondWins[e] = cells[CellsPerPair * e + 2] + halfTies;
        }
        return (firstWins, secondWins);
    }
}
