namespace Platform.RenderServer.Tests.Support;

public static class Eventually
{
    /// <summary>Reads a value until it satisfies <paramref name="until"/>; fails with the last value after the timeout.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not there after the timeout; last value: {value}");
            }
            await Task.Delay(50);
        }
    }
}
