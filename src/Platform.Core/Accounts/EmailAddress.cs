using System.Net.Mail;
using Platform.Common;

namespace Platform.Accounts;

public static class EmailAddress
{
    /// <summary>Trimmed and lower-cased, so that one address always names one account.</summary>
    public static string Normalise(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public static string Validate(string? email)
    {
        var normalised = Normalise(email);
        // Invisible characters (zero-width space, joiners) would make a look-alike of someone else's address.
        if (normalised.Length is 0 or > 254 || normalised.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            || !MailAddress.TryCreate(normalised, out var parsed) || parsed.Address != normalised)
            throw new DomainException($"'{email}' is not a valid email address.");
        return normalised;
    }
}
