namespace Platform.Results;

internal static class LogMath
{
    /// <summary>
    /// log(1 + x) without losing a tiny x (Goldberg 1991, "What every computer scientist should know about
    /// floating-point arithmetic", theorem 4); .NET's double.LogP1 is a plain Log(1 + x).
    /// </summary>
    public static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
