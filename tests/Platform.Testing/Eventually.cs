using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// Waits for something that happens elsewhere (a host's background job, another process's slot) by asking again
/// until it holds. The timeout is a generous bound for a loaded machine, never a measure: a test that passes waits
/// only as long as the thing takes.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

    /// <param name="what">What should come true, for the failure message ("both jobs run on the server").</param>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), held => held, what, timeout);

    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(condition, held => held, what, timeout);

    /// <returns>The first value <paramref name="accept"/> takes.</returns>
    /// <param name="describe">How the last value reads in the failure message (its ToString otherwise).</param>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> get, Func<T, bool> accept, string what, TimeSpan? timeout = null, Func<T, string>? describe = null)
    {
        var within = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await get();
            if (accept(value)) return value;
            if (waited.Elapsed > within)
                throw new TimeoutException($"Waited {within.TotalSeconds:0.#} s for this, and it never came true: {what} (last seen: {(describe is null ? value : describe(value))}).");
            await Task.Delay(Every);
        }
    }
}
