using Marten;
using Platform.Studies;

namespace Platform.Web.Studies;

/// <summary>
/// Applies <see cref="StudyAccess"/> on the web: one small query for a study's owner and shares, never the whole study.
/// Used by <see cref="StudyScope"/> for the API and by <see cref="StudyGate"/> for the pages.
/// </summary>
public sealed class StudyGuard(IDocumentStore store)
{
    /// <summary>Null when there is no such study.</summary>
    public async Task<StudyMembers?> MembersAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var members = await session.Query<Study>().Where(s => s.Id == studyId)
            .Select(s => new { s.CreatedBy, s.SharedWith })
            .FirstOrDefaultAsync(cancellationToken);
        // Studies stored before sharing existed have no list at all: their creator is their only member.
        return members is null ? null : new StudyMembers(members.CreatedBy, members.SharedWith ?? []);
    }

    /// <summary>Whether the actor may see and change the study; an admin may, even before it exists (the endpoint then says it does not).</summary>
    public async Task<bool> AllowsAsync(Actor actor, Guid studyId, CancellationToken cancellationToken) =>
        actor.IsAdmin || (await MembersAsync(studyId, cancellationToken))?.Allows(actor) == true;
}
