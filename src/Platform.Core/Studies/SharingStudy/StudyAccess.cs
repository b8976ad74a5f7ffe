namespace Platform.Studies;

/// <summary>Who asks: a signed-in account, and whether it holds the Admin role.</summary>
public sealed record Actor(Guid UserId, bool IsAdmin);

/// <summary>The people a study belongs to: its creator (the owner) and the researchers it is shared with.</summary>
public sealed record StudyMembers(Guid Owner, IReadOnlyList<Guid> SharedWith);

/// <summary>
/// Who may see and change a study: its owner, the researchers it is shared with, and admins (all studies). Everyone
/// else is told there is no such study, so a study's existence is not revealed to those it does not belong to.
/// </summary>
public static class StudyAccess
{
    public static bool Allows(this StudyMembers members, Actor actor) =>
        actor.IsAdmin || members.Owner == actor.UserId || members.SharedWith.Contains(actor.UserId);

    public static StudyMembers Members(this Study study) => new(study.CreatedBy, study.SharedWith);

    /// <summary>Only the owner and admins decide who else a study belongs to.</summary>
    public static bool MayShare(this StudyMembers members, Actor actor) => actor.IsAdmin || members.Owner == actor.UserId;
}
