using Microsoft.JSInterop;

namespace Platform.Web.Voting;

/// <summary>The browser's localStorage, where a participant's page keeps its session token across reloads.</summary>
public static class BrowserStorage
{
    /// <returns>The value, or null when there is none or the browser keeps no storage (some private modes).</returns>
    public static async Task<string?> GetAsync(IJSRuntime js, string key)
    {
        try
        {
            return await js.InvokeAsync<string?>("localStorage.getItem", key);
        }
        catch (JSException)
        {
            return null;
        }
    }

    /// <summary>Keeps the value if the browser lets it; without storage the page still works until it is reloaded.</summary>
    public static async Task SetAsync(IJSRuntime js, string key, string value)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", key, value);
        }
        catch (JSException)
        {
        }
    }
}
