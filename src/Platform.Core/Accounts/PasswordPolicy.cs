using Platform.Common;

namespace Platform.Accounts;

/// <summary>NIST SP 800-63B: length matters, composition rules do not.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 256;

    public static void Validate(string? password)
    {
        if (password is null || password.Length < MinimumLength)
            throw new DomainException($"A password needs at least {MinimumLength} characters.");
        if (password.Length > MaximumLength)
            throw new DomainException($"A password can have at most {MaximumLength} characters.");
        if (string.IsNullOrWhiteSpace(password))
            throw new DomainException("A password cannot be only spaces.");
    }
}
