using Platform.Generation;

namespace Platform.Web.Generation.Protocols;

/// <summary>What the platform asks of a server for one video.</summary>
/// <param name="Key">Our id for the job: ComfyUI's prompt_id, the OpenAI-style Idempotency-Key. The same on every retry.</param>
public sealed record RemoteRequest(string Key, string Prompt, long Seed, GenerationSettings Settings);

/// <summary>Where a job stands on its server.</summary>
public abstract record RemoteStatus
{
    public sealed record Pending(int? Progress) : RemoteStatus;

    public sealed record Completed : RemoteStatus;

    public sealed record Failed(string Reason) : RemoteStatus;

    /// <summary>The server does not know the job (it restarted and kept its jobs in memory).</summary>
    public sealed record Lost : RemoteStatus;
}

/// <summary>The server is saturated (429, 503 or 409): try again later, after <see cref="RetryAfter"/> when it says.</summary>
public sealed class ServerBusyException(string message, TimeSpan? retryAfter) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The server no longer has a job it reported done (a restart between its end and our download).</summary>
public sealed class JobLostException(string message) : Exception(message);

/// <summary>The server refused the job for good (a 4xx other than back-pressure); the message says why.</summary>
public sealed class ServerRefusedException(string message) : Exception(message);

/// <summary>One protocol spoken to GPU inference servers.</summary>
public interface IVideoServerClient
{
    ServerProtocol Protocol { get; }

    /// <returns>The server's id for the job.</returns>
    Task<string> SubmitAsync(ServerConnection server, RemoteRequest request, CancellationToken cancellationToken);

    Task<RemoteStatus> StatusAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken);

    /// <summary>Writes the finished video to <paramref name="path"/>; a body shorter than announced throws, a job the
    /// server no longer knows throws <see cref="JobLostException"/>.</summary>
    Task DownloadAsync(ServerConnection server, string remoteId, string path, CancellationToken cancellationToken);

    /// <summary>Asks the server to drop the job, when the protocol has a way to.</summary>
    Task CancelAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken);

    /// <summary>Whether the server answers; the reason when it does not.</summary>
    Task<string?> ProbeAsync(ServerConnection server, CancellationToken cancellationToken);
}

/// <summary>A server as a client needs it: its settings and the API key in the clear (never stored so).</summary>
public sealed record ServerConnection(Guid Id, ServerSettings Settings, string? ApiKey);
