namespace Platform.BrowserTests.Pages;

/// <summary>An element's rectangle in CSS pixels, relative to the window at the current scroll.</summary>
public sealed record Box
{
    public double Left { get; init; }
    public double Top { get; init; }
    public double Right { get; init; }
    public double Bottom { get; init; }

    public double Width => Right - Left;
    public double Height => Bottom - Top;

    /// <summary>Entirely inside a window of this size, with a half-pixel allowance for sub-pixel rounding.</summary>
    public bool IsWithin(double width, double height) => Left >= -0.5 && Top >= -0.5 && Right <= width + 0.5 && Bottom <= height + 0.5;

    public override string ToString() => FormattableString.Invariant($"({Left:0.#}, {Top:0.#})–({Right:0.#}, {Bottom:0.#})");
}

/// <summary>Where a trial's videos, player controls and answer buttons lie, and how far the page can scroll.</summary>
public sealed record TrialLayout
{
    public const string Script = """
        () => {
          const box = e => { const r = e.getBoundingClientRect(); return { Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom }; };
          const boxes = selector => [...document.querySelectorAll(selector)].map(box);
          const page = document.scrollingElement;
          return {
            Videos: boxes('[data-testid=trial] video'),
            Controls: boxes('[data-testid=trial] [data-player]'),
            Answers: boxes('[data-testid=trial] button[data-choice]'),
            ScrollWidth: page.scrollWidth,
            ScrollHeight: page.scrollHeight,
            WindowWidth: window.innerWidth,
            WindowHeight: window.innerHeight,
          };
        }
        """;

    public Box[] Videos { get; init; } = [];

    /// <summary>Play, the frame steps, the scrub bar and the speed selector.</summary>
    public Box[] Controls { get; init; } = [];

    public Box[] Answers { get; init; } = [];
    public double ScrollWidth { get; init; }
    public double ScrollHeight { get; init; }
    public double WindowWidth { get; init; }
    public double WindowHeight { get; init; }

    public IEnumerable<Box> Everything => Videos.Concat(Controls).Concat(Answers);

    public override string ToString() => FormattableString.Invariant(
        $"window {WindowWidth}×{WindowHeight}, scroll {ScrollWidth}×{ScrollHeight}; videos {string.Join(" ", Videos.AsEnumerable())}; controls {string.Join(" ", Controls.AsEnumerable())}; answers {string.Join(" ", Answers.AsEnumerable())}");
}
