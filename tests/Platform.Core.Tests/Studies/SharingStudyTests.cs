using Platform.Accounts;
using Platform.Common;
using Platform.Studies;
using People = Platform.Tests.Accounts.A;

namespace Platform.Tests.Studies;

public sealed class SharingStudyTests
{
    private static readonly Guid Stranger = Guid.NewGuid();

    [Fact]
    public void A_study_belongs_to_its_creator_and_admins_only_until_it_is_shared()
    {
        var study = A.Draft();
        var owner = new Actor(study.CreatedBy, IsAdmin: false);

        study.Members().Allows(owner).Should().BeTrue();
        study.Members().Allows(new Actor(Stranger, IsAdmin: false)).Should().BeFalse();
        study.Members().Allows(new Actor(Stranger, IsAdmin: true)).Should().BeTrue("admins see and change every study");
    }

    [Fact]
    public void The_owner_shares_with_a_researcher_who_may_then_see_and_change_it()
    {
        var study = A.Draft();
        var colleague = People.User(Role.Researcher);

        var shared = SharingStudy.Handle(study, new ShareStudy(study.Id, colleague.Id, OwnerOf(study)), colleague, A.Now);
        study.Apply(shared!);

        shared.Should().Be(new StudyShared(study.Id, colleague.Id, study.CreatedBy, A.Now));
        study.SharedWith.Should().Equal(colleague.Id);
        study.Members().Allows(new Actor(colleague.Id, IsAdmin: false)).Should().BeTrue();
        study.Members().MayShare(new Actor(colleague.Id, IsAdmin: false)).Should().BeFalse("sharing further is the owner's decision");
    }

    [Fact]
    public void An_admin_shares_and_unshares_a_study_that_is_not_theirs()
    {
        var study = A.Draft();
        var colleague = People.User(Role.Researcher);
        var admin = new Actor(Guid.NewGuid(), IsAdmin: true);

        study.Apply(SharingStudy.Handle(study, new ShareStudy(study.Id, colleague.Id, admin), colleague, A.Now)!);
        var unshared = SharingStudy.Handle(study, new UnshareStudy(study.Id, colleague.Id, admin), A.Now);
        study.Apply(unshared!);

        unshared.Should().Be(new StudyUnshared(study.Id, colleague.Id, admin.UserId, A.Now));
        study.SharedWith.Should().BeEmpty();
        study.Members().Allows(new Actor(colleague.Id, IsAdmin: false)).Should().BeFalse();
    }

    [Fact]
    public void Only_the_owner_or_an_admin_may_share_or_unshare()
    {
        var study = A.Draft();
        var colleague = People.User(Role.Researcher);
        study.Apply(SharingStudy.Handle(study, new ShareStudy(study.Id, colleague.Id, OwnerOf(study)), colleague, A.Now)!);
        var other = People.User(Role.Researcher);
        var sharedResearcher = new Actor(colleague.Id, IsAdmin: false);

        var share = () => SharingStudy.Handle(study, new ShareStudy(study.Id, other.Id, sharedResearcher), other, A.Now);
        var unshareSelf = () => SharingStudy.Handle(study, new UnshareStudy(study.Id, colleague.Id, sharedResearcher), A.Now);
        var strangerShares = () => SharingStudy.Handle(study, new ShareStudy(study.Id, other.Id, new Actor(Stranger, false)), other, A.Now);

        foreach (var act in new Func<object?>[] { share, unshareSelf, strangerShares })
            act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Forbidden).WithMessage("Only the study's owner or an admin*");
    }

    [Fact]
    public void Sharing_with_an_account_that_is_no_researcher_is_refused_with_the_reason()
    {
        var study = A.Draft();
        var annotator = People.User(Role.Annotator, Role.Reviewer);
        var disabled = People.Disabled(People.User(Role.Researcher));

        var unknown = () => SharingStudy.Handle(study, new ShareStudy(study.Id, Guid.NewGuid(), OwnerOf(study)), null, A.Now);
        var notResearcher = () => SharingStudy.Handle(study, new ShareStudy(study.Id, annotator.Id, OwnerOf(study)), annotator, A.Now);
        var notActive = () => SharingStudy.Handle(study, new ShareStudy(study.Id, disabled.Id, OwnerOf(study)), disabled, A.Now);

        unknown.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable).WithMessage("There is no account*");
        notResearcher.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable).WithMessage($"{annotator.Email} is not a researcher*");
        notActive.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable).WithMessage($"The account {disabled.Email} is disabled*");
        study.SharedWith.Should().BeEmpty();
    }

    [Fact]
    public void The_owner_cannot_be_unshared()
    {
        var study = A.Draft();

        var act = () => SharingStudy.Handle(study, new UnshareStudy(study.Id, study.CreatedBy, new Actor(Guid.NewGuid(), IsAdmin: true)), A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("The owner cannot be removed*");
    }

    [Fact]
    public void Sharing_twice_with_the_owner_or_a_colleague_and_unsharing_a_stranger_record_nothing()
    {
        var study = A.Draft();
        var colleague = People.User(Role.Researcher);
        var owner = People.User(Role.Researcher);
        study = Study.Create(new StudyCreated(study.Id, study.Settings, owner.Id, A.Now));
        study.Apply(SharingStudy.Handle(study, new ShareStudy(study.Id, colleague.Id, OwnerOf(study)), colleague, A.Now)!);

        SharingStudy.Handle(study, new ShareStudy(study.Id, colleague.Id, OwnerOf(study)), colleague, A.Now).Should().BeNull();
        SharingStudy.Handle(study, new ShareStudy(study.Id, owner.Id, OwnerOf(study)), owner, A.Now).Should().BeNull();
        SharingStudy.Handle(study, new UnshareStudy(study.Id, Stranger, OwnerOf(study)), A.Now).Should().BeNull();
        study.SharedWith.Should().Equal(colleague.Id);
    }

    [Fact]
    public void A_study_folded_from_before_sharing_existed_belongs_to_its_creator()
    {
        var creator = Guid.NewGuid();

        var study = Study.Create(new StudyCreated(A.StudyId, A.Draft().Settings, creator, A.Now));

        study.Members().Should().BeEquivalentTo(new StudyMembers(creator, []));
    }

    private static Actor OwnerOf(Study study) => new(study.CreatedBy, IsAdmin: false);
}
