using Marten;
using Platform.Accounts;
using Platform.Studies;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Studies;

/// <summary>A person a study belongs to, or one it could be shared with.</summary>
public sealed record StudyMember(Guid Id, string Email, string DisplayName)
{
    public static StudyMember From(UserAccount user) => new(user.Id, user.Email, user.DisplayName);
}

/// <param name="CanChange">Whether the one asking may share and unshare (the owner and admins).</param>
public sealed record SharingView(StudyMember Owner, IReadOnlyList<StudyMember> SharedWith, bool CanChange);

/// <summary>Share a study with a researcher by email address or by account id (one of the two).</summary>
public sealed record ShareRequest(string? Email, Guid? UserId);

/// <summary>Runs the sharing use cases: whom a study belongs to, sharing and unsharing it, and whom it could be shared with.</summary>
public sealed class StudySharing(IDocumentStore store, TimeProvider clock)
{
    public async Task<SharingView> ViewAsync(Guid studyId, Actor viewer, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var members = study.Members();
        var accounts = (await session.LoadManyAsync<UserAccount>(cancellationToken, members.SharedWith.Prepend(members.Owner))).ToDictionary(u => u.Id);
        StudyMember Member(Guid id) => accounts.TryGetValue(id, out var user) ? StudyMember.From(user) : new StudyMember(id, "(no such account)", "");
        return new SharingView(Member(members.Owner),
            [.. members.SharedWith.Select(Member).OrderBy(m => m.Email, StringComparer.Ordinal)],
            members.MayShare(viewer));
    }

    public async Task<SharingView> ShareAsync(Guid studyId, ShareRequest request, Actor by, CancellationToken cancellationToken)
    {
        await store.DecideAsync<Study>(studyId, async (session, study) =>
        {
            var user = await FindAsync(session, request, cancellationToken);
            return SharingStudy.Handle(study, new ShareStudy(studyId, user?.Id ?? Guid.Empty, by), user, clock.GetUtcNow());
        }, StudyCatalog.NotFound, cancellationToken);
        return await ViewAsync(studyId, by, cancellationToken);
    }

    public async Task<SharingView> UnshareAsync(Guid studyId, Guid userId, Actor by, CancellationToken cancellationToken)
    {
        await store.DecideAsync<Study>(studyId, (_, study) =>
            Task.FromResult<object?>(SharingStudy.Handle(study, new UnshareStudy(studyId, userId, by), clock.GetUtcNow())),
            StudyCatalog.NotFound, cancellationToken);
        return await ViewAsync(studyId, by, cancellationToken);
    }

    /// <summary>Active researchers the study is not yet shared with, by email.</summary>
    public async Task<IReadOnlyList<StudyMember>> CandidatesAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var researchers = await session.Query<UserAccount>()
            .Where(u => !u.Disabled && u.Roles.Contains(Role.Researcher))
            .OrderBy(u => u.Email)
            .ToListAsync(cancellationToken);
        return [.. researchers.Where(u => u.Id != study.CreatedBy && !study.SharedWith.Contains(u.Id)).Select(StudyMember.From)];
    }

    private static async Task<UserAccount?> FindAsync(IQuerySession session, ShareRequest request, CancellationToken cancellationToken)
    {
        if (request.UserId is { } id) return await session.LoadAsync<UserAccount>(id, cancellationToken);
        var email = EmailAddress.Normalise(request.Email);
        return email.Length == 0 ? null : await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
    }
}
