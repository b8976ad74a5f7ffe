namespace Platform.Results;

/// <summary>Gaussian elimination with partial pivoting for the small dense systems of the Newton steps.</summary>
internal static class LinearSystem
{
    public static double[] Solve(double[,] matrix, double[] rightSide)
    {
        var n = rightSide.Length;
        var a = (double[,])matrix.Clone();
        var x = (double[])rightSide.Clone();
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                    pivot = row;
            }
            if (a[pivot, column] == 0)
                throw new InvalidOperationException("The system is singular.");
            if (pivot != column)
            {
                for (var c = 0; c < n; c++)
                    (a[column, c], a[pivot, c]) = (a[pivot, c], a[column, c]);
                (x[column], x[pivot]) = (x[pivot], x[column]);
            }
            for (var row = column + 1; row < n; row++)
            {
                var factor = a[row, column] / a[column, column];
                if (factor == 0)
                    continue;
                for (var c = column; c < n; c++)
                    a[row, c] -= factor * a[column, c];
                x[row] -= factor * x[column];
            }
        }
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = x[row];
            for (var c = row + 1; c < n; c++)
                sum -= a[row, c] * x[c];
            x[row] = sum / a[row, row];
        }
        return x;
    }
}
