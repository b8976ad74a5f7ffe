using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>The options of <c>voting</c> and <c>voting-ui</c>; see docs/BENCHMARKS.md ("Voting at crowd scale: the load harness").</summary>
public sealed record VotingOptions
{
    public const string Usage = """
        voting    [--participants N] [--seconds T] [--warmup W] [--rate R [--no-ramp] [--max-in-flight M]]
                  [--conditions C] [--prompts P] [--trials-per-participant N] [--gold-rate G] [--adaptive]
                  [--pgbench-seconds S | --no-pgbench] [--published DIR] [--set Key=Value]...
        voting-ui [--circuits C] [--start] [--settle S] [--published DIR] [--set Key=Value]...
        """;

    public int Participants { get; init; } = 64;
    public int Seconds { get; init; } = 30;
    public int Warmup { get; init; } = 5;

    /// <summary>Judgments per second offered (open loop); null: the closed loop of <see cref="Participants"/>.</summary>
    public double? Rate { get; init; }

    /// <summary>Open loop: the rate rises from 0 to R over the warm-up (false: R from the first second).</summary>
    public bool Ramp { get; init; } = true;

    /// <summary>Open loop: arrivals in progress beyond which a new one is dropped rather than sent.</summary>
    public int MaxInFlight { get; init; } = 1000;

    public int Conditions { get; init; } = 6;

    /// <summary>Null: enough for the load asked for (see <see cref="LoadStudy"/>).</summary>
    public int? Prompts { get; init; }

    public int TrialsPerParticipant { get; init; } = 20;
    public double GoldRate { get; init; }

    /// <summary>The study adaptive (goal: the top condition, a budget no run reaches): trials go by the goal's open units, and every answer checks the goal.</summary>
    public bool Adaptive { get; init; }
    public bool Pgbench { get; init; } = true;
    public int? PgbenchSeconds { get; init; }
    public int Circuits { get; init; } = 200;

    /// <summary>voting-ui: consent and start on each page, so each circuit holds a trial rather than the instructions.</summary>
    public bool StartTrial { get; init; }

    public int SettleSeconds { get; init; } = 5;

    /// <summary>A publish output of src/Platform.Web to run instead of publishing afresh.</summary>
    public string? Published { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    public static VotingOptions Parse(IReadOnlyList<string> args)
    {
        var options = new VotingOptions();
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            double Double() => double.Parse(Value(), CultureInfo.InvariantCulture);
            options = name switch
            {
                "--participants" => options with { Participants = Int() },
                "--seconds" => options with { Seconds = Int() },
                "--warmup" => options with { Warmup = Int() },
                "--rate" => options with { Rate = Double() },
                "--no-ramp" => options with { Ramp = false },
                "--max-in-flight" => options with { MaxInFlight = Int() },
                "--conditions" => options with { Conditions = Int() },
                "--prompts" => options with { Prompts = Int() },
                "--trials-per-participant" => options with { TrialsPerParticipant = Int() },
                "--gold-rate" => options with { GoldRate = Double() },
                "--adaptive" => options with { Adaptive = true },
                "--pgbench-seconds" => options with { PgbenchSeconds = Int() },
                "--no-pgbench" => options with { Pgbench = false },
                "--circuits" => options with { Circuits = Int() },
                "--start" => options with { StartTrial = true },
                "--settle" => options with { SettleSeconds = Int() },
                "--published" => options with { Published = Path.GetFullPath(Value()) },
                "--set" => Setting(options, settings, Value()),
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }
        if (options.Participants < 1 || options.Seconds < 1 || options.Warmup < 0 || options.Rate <= 0 || options.Circuits < 1 || options.Conditions < 2)
            throw new ArgumentException($"Participants, seconds, rate and circuits must be positive, the warm-up not negative, conditions at least 2.\n{Usage}");
        return options with { Settings = settings };
    }

    private static VotingOptions Setting(VotingOptions options, List<KeyValuePair<string, string>> settings, string assignment)
    {
        var at = assignment.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0) throw new ArgumentException($"--set takes Key=Value (Key:Sub or Key__Sub), not '{assignment}'.");
        settings.Add(new(assignment[..at], assignment[(at + 1)..]));
        return options;
    }
}
