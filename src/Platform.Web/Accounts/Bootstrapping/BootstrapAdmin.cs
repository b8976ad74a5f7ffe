using Platform.Common;

namespace Platform.Accounts;

/// <summary>
/// On the first start with no accounts at all, creates the admin named by Bootstrap:AdminEmail and
/// Bootstrap:AdminPassword. Later starts find accounts and do nothing, so it happens exactly once.
/// </summary>
public sealed class BootstrapAdmin(UserAccounts accounts, IConfiguration configuration, ILogger<BootstrapAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAsync(cancellationToken)) return;

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException(
                "There are no accounts yet. Set Bootstrap:AdminEmail and Bootstrap:AdminPassword (or run ./run.sh, which does) so the first admin can be created.");
        }

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
}
