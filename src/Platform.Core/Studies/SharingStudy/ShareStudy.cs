using Platform.Accounts;
using Platform.Common;

namespace Platform.Studies;

public sealed record ShareStudy(Guid StudyId, Guid UserId, Actor By);

public sealed record UnshareStudy(Guid StudyId, Guid UserId, Actor By);

public sealed record StudyShared(Guid StudyId, Guid UserId, Guid By, DateTimeOffset At);

public sealed record StudyUnshared(Guid StudyId, Guid UserId, Guid By, DateTimeOffset At);

/// <summary>The owner (or an admin) shares a study with other researchers, who then see and change it as the owner does.</summary>
public static class SharingStudy
{
    /// <param name="user">The account to share with, as stored now; null when there is none.</param>
    public static StudyShared? Handle(Study study, ShareStudy command, UserAccount? user, DateTimeOffset now)
    {
        MustMayShare(study, command.By);
        if (user is null)
            throw new DomainException("There is no account to share the study with: give a researcher's email address or id.", DomainError.Unprocessable);
        if (user.Disabled)
            throw new DomainException($"The account {user.Email} is disabled; an admin can enable it before the study is shared with it.", DomainError.Unprocessable);
        if (!user.Roles.Contains(Role.Researcher))
            throw new DomainException($"{user.Email} is not a researcher: studies are shared with researchers only (an admin can give the role).", DomainError.Unprocessable);
        if (user.Id == study.CreatedBy || study.SharedWith.Contains(user.Id)) return null;
        return new StudyShared(study.Id, user.Id, command.By.UserId, now);
    }

    public static StudyUnshared? Handle(Study study, UnshareStudy command, DateTimeOffset now)
    {
        MustMayShare(study, command.By);
        if (command.UserId == study.CreatedBy)
            throw new DomainException("The owner cannot be removed from their own study.", DomainError.Conflict);
        return study.SharedWith.Contains(command.UserId) ? new StudyUnshared(study.Id, command.UserId, command.By.UserId, now) : null;
    }

    private static void MustMayShare(Study study, Actor by)
    {
        if (!study.Members().MayShare(by))
            throw new DomainException("Only the study's owner or an admin can change whom it is shared with.", DomainError.Forbidden);
    }
}
