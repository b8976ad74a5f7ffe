using Platform.Accounts;
using Platform.Common;

namespace Platform.Web.Accounts;

/// <summary>
/// On the first start with no accounts at all, creates the admin named by Bootstrap:AdminEmail and
/// Bootstrap:AdminPassword. Later starts find accounts and do nothing, so it happens exactly once — unless
/// Bootstrap:ResetAdminPassword is set, the way back in for an operator who lost that admin's password.
/// </summary>
public sealed class BootstrapAdmin(UserAccounts accounts, IConfiguration configuration, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAsync(cancellationToken))
        {
            if (configuration.GetValue<bool>("Bootstrap:ResetAdminPassword"))
                await ResetPasswordAsync(cancellationToken);
            return;
        }

        var (email, password) = Settings(
            "There are no accounts yet. Set Bootstrap:AdminEmail and Bootstrap:AdminPassword (or run ./run.sh, which does) so the first admin can be created.");
        try
        {
            // The first admin also researches: a new installation is usually one researcher setting things up.
            await accounts.RegisterAsync(new RegisterUser(Guid.NewGuid(), email, "Administrator", password, [Role.Admin, Role.Researcher], By: null), cancellationToken);
            logger.LogInformation("Created the first admin account {Email}", EmailAddress.Normalise(email));
        }
        catch (DomainException e) when (e.Kind == DomainError.Conflict)
        {
            // Another process started at the same moment and created it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ResetPasswordAsync(CancellationToken cancellationToken)
    {
        var (email, password) = Settings(
            "Bootstrap:ResetAdminPassword is set: set Bootstrap:AdminEmail to the account and Bootstrap:AdminPassword to its new password.");
        var user = await accounts.FindByEmailAsync(email, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Bootstrap:ResetAdminPassword is set, but there is no account {EmailAddress.Normalise(email)}: Bootstrap:AdminEmail must name the account whose password to reset.");
        // Whoever can set the host's configuration holds the machine: the change is recorded as the account's own.
        await accounts.ChangePasswordAsync(new ChangePassword(user.Id, password, By: user.Id), cancellationToken);
        logger.LogWarning("Reset the password of {Email} to Bootstrap:AdminPassword, as Bootstrap:ResetAdminPassword asked", user.Email);
    }

    private (string Email, string Password) Settings(string whatToSet)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        return string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)
            ? throw new InvalidOperationException(whatToSet)
            : (email, password);
    }
}
