using System.Security.Cryptography;

namespace Platform.Studies;

/// <summary>Completion codes made for studies designed without one: eight characters a participant cannot misread.</summary>
public static class CompletionCodes
{
    /// <summary>Upper-case letters and digits without 0/O, 1/I/L.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
