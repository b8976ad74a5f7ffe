namespace Platform.RenderServer.Faults;

/// <summary>The failures tests can switch on through /admin/faults.</summary>
public sealed record FaultSettings
{
    /// <summary>Share of new jobs that fail; spread evenly (every 1/rate-th job) rather than at random, so tests are repeatable.</summary>
    public double ErrorRate { get; init; }

    /// <summary>How many of the next submissions are refused with <see cref="RejectStatus"/>.</summary>
    public int RejectNext { get; init; }

    public int RejectStatus { get; init; } = StatusCodes.Status503ServiceUnavailable;

    /// <summary>Sent as Retry-After on refused submissions when set.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>New jobs go in_progress and never finish (until cancelled or forgotten).</summary>
    public bool Hang { get; init; }

    /// <summary>Downloads announce the full Content-Length, send half the bytes, then drop the connection.</summary>
    public bool TruncateContent { get; init; }

    public string? Invalid() => this switch
    {
        { ErrorRate: < 0 or > 1 } => "errorRate must be between 0 and 1",
        { RejectNext: < 0 } => "rejectNext must not be negative",
        { RejectStatus: < 400 or > 599 } => "rejectStatus must be an HTTP error status (400-599)",
        { RetryAfterSeconds: < 0 } => "retryAfterSeconds must not be negative",
        _ => null,
    };
}
