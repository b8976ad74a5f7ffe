namespace Platform.Results;

/// <summary>
/// The groups of conditions linked by comparisons, and whether each group meets Ford's condition for a finite
/// Bradley–Terry maximum (Ford 1957; Hunter 2004, assumption 1): with an edge i → j whenever i has positive win
/// weight over j, every condition of the group reaches every other.
/// </summary>
internal sealed class ComparisonGraph
{
    private ComparisonGraph(int[] group, int[] groupSize, bool[] fordHolds)
    {
        Group = group;
        GroupSize = groupSize;
        FordHolds = fordHolds;
    }

    /// <summary>Each condition's group, or −1 when it was never compared.</summary>
    public int[] Group { get; }
    public int[] GroupSize { get; }
    /// <summary>Per group.</summary>
    public bool[] FordHolds { get; }

    public static ComparisonGraph Of(int conditions, int[] first, int[] second, double[] firstWins, double[] secondWins)
    {
        var (linked, beats, beatenBy) = Edges(conditions, first, second, firstWins, secondWins);

        var group = Enumerable.Repeat(-1, conditions).ToArray();
        var sizes = new List<int>();
        var fordHolds = new List<bool>();
        var mark = new int[conditions];
        var stamp = 0;
        for (var root = 0; root < conditions; root++)
        {
            if (group[root] >= 0 || linked[root].Count == 0)
                continue;
            var members = Reach(root, linked, mark, ++stamp);
            foreach (var member in members)
                group[member] = sizes.Count;
            sizes.Add(members.Count);
            fordHolds.Add(Reach(root, beats, mark, ++stamp).Count == members.Count
                && Reach(root, beatenBy, mark, ++stamp).Count == members.Count);
        }
        return new ComparisonGraph(group, [.. sizes], [.. fordHolds]);
    }

    /// <summary>Per condition: the conditions compared with it, those it beat at least once, and those that beat it.</summary>
    private static (List<int>[] Linked, List<int>[] Beats, List<int>[] BeatenBy) Edges(int conditions, int[] first, int[] second, double[] firstWins, double[] secondWins)
    {
        var linked = NewLists(conditions);
        var beats = NewLists(conditions);
        var beatenBy = NewLists(conditions);
        for (var e = 0; e < first.Length; e++)
        {
            var (i, j) = (first[e], second[e]);
            if (firstWins[e] + secondWins[e] <= 0)
                continue;
            linked[i].Add(j);
            linked[j].Add(i);
            if (firstWins[e] > 0)
            {
                beats[i].Add(j);
                beatenBy[j].Add(i);
            }
            if (secondWins[e] > 0)
            {
                beats[j].Add(i);
                beatenBy[i].Add(j);
            }
        }
        return (linked, beats, beatenBy);
    }

    private static List<int>[] NewLists(int count) => Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();

    private static List<int> Reach(int root, List<int>[] edges, int[] mark, int stamp)
    {
        var reached = new List<int> { root };
        mark[root] = stamp;
        for (var next = 0; next < reached.Count; next++)
        {
            foreach (var target in edges[reached[next]])
            {
                if (mark[target] == stamp)
                    continue;
                mark[target] = stamp;
                reached.Add(target);
            }
        }
        return reached;
    }
}
