using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>What the player looks like from outside when the answers unlock.</summary>
public sealed record PlayerState
{
    /// <summary>Video frame callbacks still waiting in the page: one per running sync loop.</summary>
    public int FrameCallbacks { get; init; }

    /// <summary>The most times any video of the trial has ended: 1 when the answers unlock after the first play-through.</summary>
    public int MostEndings { get; init; }

    /// <summary>The value of the speed selector.</summary>
    public double Speed { get; init; }

    /// <summary>The videos' actual playback rates (a follower's is nudged by up to 30 % to catch up).</summary>
    public double[] Rates { get; init; } = [];

    public override string ToString() =>
        FormattableString.Invariant($"frame callbacks {FrameCallbacks}, most endings {MostEndings}, speed {Speed}, rates {string.Join(" ", Rates)}");
}

/// <summary>
/// Watches the side-by-side player through the browser's own video API rather than through the player's code: it
/// wraps <c>requestVideoFrameCallback</c> to count the callbacks still waiting, and counts each video's <c>ended</c>
/// events since its source was (re)loaded.
/// </summary>
public sealed class PlayerProbe
{
    private const string Script = """
        (() => {
          const proto = HTMLVideoElement.prototype;
          const probe = window.playerProbe = { frameCallbacks: 0 };
          document.addEventListener('loadstart', e => { e.target.endings = 0; }, true);
          document.addEventListener('ended', e => { e.target.endings = (e.target.endings ?? 0) + 1; }, true);
          if (!proto.requestVideoFrameCallback) return;
          const request = proto.requestVideoFrameCallback;
          const cancel = proto.cancelVideoFrameCallback;
          const waiting = new WeakMap();
          const waitingOn = video => { if (!waiting.has(video)) waiting.set(video, new Set()); return waiting.get(video); };
          proto.requestVideoFrameCallback = function (callback) {
            const handles = waitingOn(this);
            const handle = request.call(this, (now, metadata) => {
              if (handles.delete(handle)) probe.frameCallbacks--;
              callback(now, metadata);
            });
            handles.add(handle);
            probe.frameCallbacks++;
            return handle;
          };
          proto.cancelVideoFrameCallback = function (handle) {
            if (waitingOn(this).delete(handle)) probe.frameCallbacks--;
            cancel.call(this, handle);
          };
        })();
        """;

    private const string Unlocked = """
        () => {
          if (!document.querySelector('button[data-choice]:not([disabled])')) return null;
          const videos = [...document.querySelectorAll('[data-testid=trial] video')];
          return {
            FrameCallbacks: window.playerProbe.frameCallbacks,
            MostEndings: Math.max(...videos.map(v => v.endings ?? 0)),
            Speed: Number(document.querySelector('[data-player=speed]').value),
            Rates: videos.map(v => v.playbackRate),
          };
        }
        """;

    private readonly IPage _page;

    private PlayerProbe(IPage page) => _page = page;

    /// <summary>Installs the probe; call before the page opens the study.</summary>
    public static async Task<PlayerProbe> InstallAsync(IPage page)
    {
        await page.AddInitScriptAsync(Script);
        return new PlayerProbe(page);
    }

    /// <summary>The player's state at the first animation frame in which an answer button is enabled.</summary>
    public async Task<PlayerState> WhenUnlockedAsync()
    {
        var state = await _page.WaitForFunctionAsync(Unlocked, null, new() { Timeout = 20_000 });
        return await state.JsonValueAsync<PlayerState>();
    }
}
