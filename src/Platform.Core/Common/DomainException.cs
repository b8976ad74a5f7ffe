namespace Platform.Common;

/// <summary>A command was refused by a business rule; the message is written for the person who sent it.</summary>
public sealed class DomainException(string message, DomainError kind = DomainError.Invalid) : Exception(message)
{
    public DomainError Kind { get; } = kind;

    /// <summary>Each problem on its own (e.g. one per bad line of a file), for clients that list them.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>
    /// What is wrong, by the request's field (its JSON path, e.g. <c>conditions[1].key</c>), for forms that mark the
    /// field and clients that show it there; sent as the problem's <c>errors</c> object.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Fields { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Further members for the problem+json body, by name (e.g. every bad line of a file, compactly).</summary>
    public IReadOnlyDictionary<string, object> Extensions { get; init; } = new Dictionary<string, object>();

    /// <summary>When trying again may succeed (a place may come free), sent as Retry-After; null when it will not.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

public enum DomainError
{
    /// <summary>The request itself is malformed or breaks a rule (400).</summary>
    Invalid,
    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,
    /// <summary>The thing addressed does not exist (404).</summary>
    NotFound,
    /// <summary>Well-formed, but not something this target accepts (422).</summary>
    Unprocessable,
    /// <summary>The target is known to the sender, but this is not theirs to do (403).</summary>
    Forbidden,
}
