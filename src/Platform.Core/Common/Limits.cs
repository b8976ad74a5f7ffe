namespace Platform.Common;

/// <summary>
/// The limits every API request is held to, stated once (the README's limits table shows them). A field may carry a
/// tighter <c>[MaxLength]</c> of its own; the use cases check their own rules (titles, captions, condition keys) too.
/// </summary>
public static class Limits
{
    /// <summary>Characters in any string of a request body (Markdown instructions are the longest text).</summary>
    public const int Text = 20_000;

    /// <summary>Items in any list of a request body.</summary>
    public const int List = 1_000;

    /// <summary>Bytes of a request body an endpoint takes unless it says otherwise (uploads and imports do).</summary>
    public const long Body = 1024 * 1024;

    /// <summary>Bytes of a participant's request body: a participant id, an answer.</summary>
    public const long ParticipantBody = 16 * 1024;

    /// <summary>Characters of a query string, encoded.</summary>
    public const int Query = 4_096;

    /// <summary>A name, title, email or label.</summary>
    public const int Name = 200;

    /// <summary>A prompt or a comment.</summary>
    public const int Prompt = 4_000;

    public const string Problem = "A field is longer than this endpoint takes.";
}
