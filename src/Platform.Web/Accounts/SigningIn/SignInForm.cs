using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Accounts;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = string.Empty;
}
