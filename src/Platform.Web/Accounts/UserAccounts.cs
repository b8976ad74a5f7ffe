using JasperFx;
using Marten;
using Microsoft.AspNetCore.Identity;
using Platform.Accounts;
using Platform.Common;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Accounts;

/// <summary>
/// Runs the account use cases: loads state, asks the pure decision in Core, appends its event. One session per
/// call, so a long-lived Blazor circuit never carries a half-saved session around.
/// </summary>
public sealed class UserAccounts(IDocumentStore store, IPasswordHasher<UserAccount> hasher, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<UserAccount>().OrderBy(u => u.Email).ToListAsync(cancellationToken);
    }

    public async Task<UserAccount?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserAccount>(id, cancellationToken);
    }

    public async Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalised = EmailAddress.Normalise(email);
        await using var session = store.QuerySession();
        return await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.Email == normalised, cancellationToken);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<UserAccount>().AnyAsync(cancellationToken);
    }

    public async Task<UserAccount> RegisterAsync(RegisterUser command, CancellationToken cancellationToken = default)
    {
        await using var session = store.LightweightSession();
        var email = EmailAddress.Normalise(command.Email);
        var taken = await session.Query<UserAccount>().AnyAsync(u => u.Email == email, cancellationToken);
        var registered = RegisteringUser.Handle(command, taken, p => hasher.HashPassword(null!, p), clock.GetUtcNow());
        session.Events.StartStream<UserAccount>(registered.UserId, registered);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Two registrations of one address raced past the check above; the unique index kept one.
            throw new DomainException($"An account for {email} already exists.", DomainError.Conflict);
        }
        return UserAccount.Create(registered);
    }

    public Task ChangeRolesAsync(ChangeRoles command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.UserId, async (session, user) =>
            ChangingRoles.Handle(user, command, await ActiveAdminsAsync(session, cancellationToken), clock.GetUtcNow()), cancellationToken);

    public Task DisableAsync(DisableUser command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.UserId, async (session, user) =>
            DisablingUser.Handle(user, command, await ActiveAdminsAsync(session, cancellationToken), clock.GetUtcNow()), cancellationToken);

    public Task EnableAsync(EnableUser command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.UserId, (_, user) => Task.FromResult<object?>(DisablingUser.Handle(user, command, clock.GetUtcNow())), cancellationToken);

    public Task ChangePasswordAsync(ChangePassword command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.UserId, (_, user) => Task.FromResult<object?>(
            ChangingPassword.Handle(user, command, p => hasher.HashPassword(user, p), clock.GetUtcNow())), cancellationToken);

    public Task RevokeSignInsAsync(RevokeSignIns command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.UserId, (_, user) => Task.FromResult<object?>(RevokingSignIns.Handle(user, command, clock.GetUtcNow())), cancellationToken);

    // An event that ends the account's sign-ins also deletes their records in the same transaction; the stamp it
    // moves refuses any sign-in that was being issued meanwhile.
    private Task DecideAsync(Guid userId, Func<IDocumentSession, UserAccount, Task<object?>> decide, CancellationToken cancellationToken) =>
        store.DecideAsync<UserAccount>(userId, async (session, user) =>
        {
            var decided = await decide(session, user);
            if (decided is not null && RevokingSignIns.Ends(decided))
                session.DeleteWhere<SignInRecord>(r => r.UserId == userId);
            return decided;
        }, () => new DomainException("There is no such account.", DomainError.NotFound), cancellationToken);

    private static Task<int> ActiveAdminsAsync(IQuerySession session, CancellationToken cancellationToken) =>
        session.Query<UserAccount>().CountAsync(u => !u.Disabled && u.Roles.Contains(Role.Admin), cancellationToken);
}
