namespace Platform.Results;

/// <summary>
/// Bradley–Terry maximum likelihood by damped Newton steps on the log-strengths θ, where P(i beats j) =
/// 1 / (1 + e^(θj − θi)); the log-likelihood is concave, so halving a step until it does not fall always converges.
/// When Ford's condition fails in a group (some subset won, or lost, all its comparisons with the rest) the maximum
/// is infinite; then every compared pair of that group gets one virtual tie (half a win each way), which keeps the
/// estimate finite and vanishes as the number of judgments grows. Each group of compared conditions is centred on
/// θ = 0 (groups never compared with each other cannot be placed relative to each other); conditions never compared
/// stay at 0.
/// </summary>
internal static class BradleyTerryMle
{
    private const double Tolerance = 1e-10;
    private const int MaxIterations = 200;
    private const int MaxHalvings = 60;
    private const double VirtualTie = 0.5;

    public static double[] Solve(int conditions, int[] first, int[] second, double[] firstWins, double[] secondWins, double[]? start = null)
    {
        var graph = ComparisonGraph.Of(conditions, first, second, firstWins, secondWins);
        if (graph.FordHolds.Contains(false))
        {
            firstWins = [.. firstWins];
            secondWins = [.. secondWins];
            for (var e = 0; e < first.Length; e++)
            {
                if (firstWins[e] + secondWins[e] <= 0 || graph.FordHolds[graph.Group[first[e]]])
                    continue;
                firstWins[e] += VirtualTie;
                secondWins[e] += VirtualTie;
            }
        }

        var theta = start is null ? new double[conditions] : [.. start];
        var pairs = new Pairs(first, second, firstWins, secondWins);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var step = LinearSystem.Solve(Information(pairs, graph, theta), Score(pairs, theta));
            var before = LogLikelihood(pairs, theta);
            var candidate = new double[conditions];
            var scale = 1.0;
            for (var halving = 0; halving < MaxHalvings; halving++, scale /= 2)
            {
                for (var i = 0; i < conditions; i++)
                    candidate[i] = theta[i] + scale * step[i];
                if (LogLikelihood(pairs, candidate) >= before - 1e-10 * (1 + Math.Abs(before)))
                    break;
            }
            theta = candidate;
            if (step.Max(Math.Abs) * scale < Tolerance)
                break;
        }
        return Centred(theta, graph);
    }

    private readonly record struct Pairs(int[] First, int[] Second, double[] FirstWins, double[] SecondWins);

    private static double[] Score(Pairs pairs, double[] theta)
    {
        var score = new double[theta.Length];
        for (var e = 0; e < pairs.First.Length; e++)
        {
            var (i, j) = (pairs.First[e], pairs.Second[e]);
            // w_ij − (w_ij + w_ji) σ(d), written so that σ near 1 loses no digits.
            var difference = theta[i] - theta[j];
            var surplus = pairs.FirstWins[e] * Logistic(-difference) - pairs.SecondWins[e] * Logistic(difference);
            score[i] += surplus;
            score[j] -= surplus;
        }
        return score;
    }

    /// <summary>
    /// The observed information (a weighted graph Laplacian) plus the projection onto each group's mean, which fixes
    /// the free shift of every group without moving its mean; never-compared conditions get 1 on the diagonal.
    /// </summary>
    private static double[,] Information(Pairs pairs, ComparisonGraph graph, double[] theta)
    {
        var k = theta.Length;
        var information = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (graph.Group[i] >= 0 && graph.Group[i] == graph.Group[j])
                    information[i, j] = 1.0 / graph.GroupSize[graph.Group[i]];
            }
            if (graph.Group[i] < 0)
                information[i, i] = 1;
        }
        for (var e = 0; e < pairs.First.Length; e++)
        {
            var (i, j) = (pairs.First[e], pairs.Second[e]);
            var difference = theta[i] - theta[j];
            var weight = (pairs.FirstWins[e] + pairs.SecondWins[e]) * Logistic(difference) * Logistic(-difference);
            information[i, i] += weight;
            information[j, j] += weight;
            information[i, j] -= weight;
            information[j, i] -= weight;
        }
        return information;
    }

    private static double LogLikelihood(Pairs pairs, double[] theta)
    {
        var sum = 0.0;
        for (var e = 0; e < pairs.First.Length; e++)
        {
            var difference = theta[pairs.First[e]] - theta[pairs.Second[e]];
            sum += pairs.FirstWins[e] * LogLogistic(difference) + pairs.SecondWins[e] * LogLogistic(-difference);
        }
        return sum;
    }

    private static double[] Centred(double[] theta, ComparisonGraph graph)
    {
        var sums = new double[graph.GroupSize.Length];
        for (var i = 0; i < theta.Length; i++)
        {
            if (graph.Group[i] >= 0)
                sums[graph.Group[i]] += theta[i];
        }
        return theta.Select((value, i) => graph.Group[i] < 0 ? 0 : value - sums[graph.Group[i]] / graph.GroupSize[graph.Group[i]]).ToArray();
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double LogLogistic(double x) => x >= 0 ? -LogMath.Log1P(Math.Exp(-x)) : x - LogMath.Log1P(Math.Exp(x));
}
