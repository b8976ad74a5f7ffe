using Platform.Captions;
using Platform.Common;

namespace Platform.Tests.Captions;

/// <summary>A caption's life as events: drafted, revised, submitted, accepted or rejected, restored.</summary>
public class CaptionHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Importer = Guid.NewGuid(), Annotator = Guid.NewGuid(), Reviewer = Guid.NewGuid();

    private static readonly Sidecar Sidecar = new(
        new RenderParameters(new CameraParameters(FocusType.Follow, MovementType.Spin, MovementValue: 90),
            new EnvironmentParameters(SceneType.Basic), new RenderSettings(RenderEngine.Blender, RenderQuality.High)),
        new ElementTags { Character = ["breakdancer"], Motion = ["uprock"] });

    private static SyntheticVideo Given(params object[] more)
    {
        var events = ImportingVideo.Handle(new ImportVideo(Guid.NewGuid(), new string('a', 64), "dancer.mp4", 1000, "media-id", "poster-id", Sidecar, Importer),
            "[synthetic] A breakdancer performs an uprock.", "[synthetic] A person dancing.", ["[synthetic]"], Now);
        var video = SyntheticVideo.Create((SyntheticVideoImported)events[0]);
        foreach (var e in events.Skip(1).Concat(more)) Apply(video, e);
        return video;
    }

    private static void Apply(SyntheticVideo video, object e)
    {
        switch (e)
        {
            case CaptionDrafted x: video.Apply(x); break;
            case CaptionRevised x: video.Apply(x); break;
            case CaptionSubmitted x: video.Apply(x); break;
            case CaptionAccepted x: video.Apply(x); break;
            case CaptionRejected x: video.Apply(x); break;
            default: throw new ArgumentException(e.GetType().Name);
        }
    }

    private static CaptionRevised Revise(SyntheticVideo video, string text, Guid? by = null, ElementTags? tags = null) =>
        EditingCaption.Handle(video, new ReviseCaption(video.Id, Guid.NewGuid(), text, tags ?? video.Latest!.Tags, by ?? Annotator), Now)!;

    private static SyntheticVideo Submitted(string text = "A breakdancer does an uprock while the camera orbits.")
    {
        var video = Given();
        Apply(video, Revise(video, text));
        Apply(video, EditingCaption.Handle(video, new SubmitCaption(video.Id, Annotator), Now));
        return video;
    }

    [Fact]
    public void An_imported_video_starts_with_its_composed_draft()
    {
        var video = Given();

        (video.Status, video.Revisions.Count, video.Composed!.Author, video.GenericCaption).Should()
            .Be((CaptionStatus.Drafted, 1, Importer, "[synthetic] A person dancing."));
        video.SpecialTags.Should().Equal("[synthetic]");
    }

    [Fact]
    public void A_revision_records_who_wrote_what_and_an_unchanged_autosave_records_nothing()
    {
        var video = Given();

        var revised = Revise(video, "  A breakdancer does an uprock.  ");
        Apply(video, revised);

        (revised.Text, revised.By, video.Status, video.Annotator).Should().Be(("A breakdancer does an uprock.", Annotator, CaptionStatus.InProgress, Annotator));
        EditingCaption.Handle(video, new ReviseCaption(video.Id, Guid.NewGuid(), "A breakdancer does an uprock.", video.Latest!.Tags, Annotator), Now).Should().BeNull();
    }

    [Fact]
    public void Tags_are_trimmed_and_deduplicated_and_too_many_are_refused()
    {
        var video = Given();

        var revised = Revise(video, "text", tags: new ElementTags { Motion = [" uprock ", "Uprock", "freeze"] });

        revised.Tags.Motion.Should().Equal("uprock", "freeze");
        var act = () => Revise(video, "text", tags: new ElementTags { Motion = [.. Enumerable.Range(0, 33).Select(i => $"move {i}")] });
        act.Should().Throw<DomainException>().Which.Kind.Should().Be(DomainError.Unprocessable);
    }

    [Fact]
    public void A_submitted_caption_cannot_be_changed_until_it_is_reviewed()
    {
        var video = Submitted();

        video.Status.Should().Be(CaptionStatus.Submitted);
        var act = () => Revise(video, "sneaky change");
        act.Should().Throw<DomainException>().Which.Kind.Should().Be(DomainError.Conflict);
    }

    [Fact]
    public void Nobody_accepts_their_own_revision()
    {
        var video = Submitted();

        var act = () => ReviewingCaption.Handle(video, new AcceptCaption(video.Id, Annotator), Now);

        act.Should().Throw<DomainException>().WithMessage("*own revision*");
    }

    [Fact]
    public void Whoever_submits_an_untouched_draft_cannot_accept_it_and_gets_it_back_when_rejected()
    {
        var video = Given();
        Apply(video, EditingCaption.Handle(video, new SubmitCaption(video.Id, Annotator), Now));

        var own = () => ReviewingCaption.Handle(video, new AcceptCaption(video.Id, Annotator), Now);
        own.Should().Throw<DomainException>().WithMessage("*own revision*");
        Apply(video, ReviewingCaption.Handle(video, new RejectCaption(video.Id, "Too generic.", Reviewer), Now));
        video.Annotator.Should().Be(Annotator);
    }

    [Fact]
    public void An_accepted_revision_becomes_the_caption_of_record()
    {
        var video = Submitted("The accepted text.");

        Apply(video, ReviewingCaption.Handle(video, new AcceptCaption(video.Id, Reviewer), Now));

        (video.Status, video.Accepted!.Text).Should().Be((CaptionStatus.Accepted, "The accepted text."));
    }

    [Fact]
    public void A_rejection_needs_a_comment_and_goes_back_to_its_author_until_revised()
    {
        var video = Submitted();
        var noComment = () => ReviewingCaption.Handle(video, new RejectCaption(video.Id, "  ", Reviewer), Now);
        noComment.Should().Throw<DomainException>().Which.Kind.Should().Be(DomainError.Unprocessable);

        Apply(video, ReviewingCaption.Handle(video, new RejectCaption(video.Id, "Name the freeze at the end.", Reviewer), Now));

        (video.Status, video.RejectionComment, video.Annotator).Should().Be((CaptionStatus.Rejected, "Name the freeze at the end.", Annotator));
        var unchanged = () => EditingCaption.Handle(video, new SubmitCaption(video.Id, Annotator), Now);
        unchanged.Should().Throw<DomainException>().WithMessage("*rejected*");
        Apply(video, Revise(video, "A breakdancer does an uprock and ends in a freeze."));
        EditingCaption.Handle(video, new SubmitCaption(video.Id, Annotator), Now).RevisionId.Should().Be(video.Latest!.Id);
    }

    [Fact]
    public void Restoring_an_older_revision_makes_it_a_new_draft()
    {
        var video = Given();
        Apply(video, Revise(video, "first"));
        Apply(video, Revise(video, "second"));

        var restored = EditingCaption.Handle(video, new RestoreRevision(video.Id, Guid.NewGuid(), video.Revisions[1].Id, Annotator), Now);
        Apply(video, restored);

        (video.Latest!.Text, video.Latest.RestoredFrom, video.Revisions.Count).Should().Be(("first", video.Revisions[1].Id, 4));
    }

    [Fact]
    public void A_reviewer_cannot_accept_their_own_text_restored_and_submitted_by_someone_else()
    {
        var video = Given();
        var reviewersOwn = Revise(video, "The reviewer's own wording of the dance.", by: Reviewer);
        Apply(video, reviewersOwn);
        Apply(video, Revise(video, "An annotator's wording in between."));
        Apply(video, EditingCaption.Handle(video, new RestoreRevision(video.Id, Guid.NewGuid(), reviewersOwn.RevisionId, Annotator), Now));
        Apply(video, EditingCaption.Handle(video, new SubmitCaption(video.Id, Annotator), Now));

        var own = () => ReviewingCaption.Handle(video, new AcceptCaption(video.Id, Reviewer), Now);

        own.Should().Throw<DomainException>().WithMessage("*own revision*");
        ReviewingCaption.Handle(video, new AcceptCaption(video.Id, Guid.NewGuid()), Now).Should().NotBeNull("another reviewer can");
    }

    [Fact]
    public void A_reviewer_cannot_accept_their_own_text_copied_by_hand()
    {
        var video = Given();
        Apply(video, Revise(video, "Copied word for word.", by: Reviewer));
        Apply(video, Revise(video, "Something else."));
        Apply(video, Revise(video, "Copied word for word."));
        Apply(video, EditingCaption.Handle(video, new SubmitCaption(video.Id, Annotator), Now));

        var own = () => ReviewingCaption.Handle(video, new RejectCaption(video.Id, "no", Reviewer), Now);

        own.Should().Throw<DomainException>().WithMessage("*own revision*");
    }

    [Fact]
    public void What_a_reviewer_may_do_is_known_before_they_try()
    {
        var video = Submitted();

        ReviewingCaption.WhyNot(video, Annotator).Should().Contain("own revision");
        ReviewingCaption.WhyNot(video, Reviewer).Should().BeNull();
        ReviewingCaption.WhyNot(Given(), Reviewer).Should().Contain("not waiting for review");
    }

    [Fact]
    public void Whether_a_caption_can_go_for_review_is_known_before_the_annotator_tries()
    {
        var video = Given();
        Apply(video, Revise(video, "A breakdancer does an uprock while the camera spins."));
        EditingCaption.WhyNotSubmit(video).Should().BeNull();

        Apply(video, EditingCaption.Handle(video, new SubmitCaption(video.Id, Annotator), Now));
        EditingCaption.WhyNotSubmit(video).Should().Contain("already waiting");

        Apply(video, ReviewingCaption.Handle(video, new RejectCaption(video.Id, "Name the spin's speed.", Reviewer), Now));
        EditingCaption.WhyNotSubmit(video).Should().Contain("rejected");

        Apply(video, Revise(video, "A breakdancer does an uprock while the camera spins slowly."));
        EditingCaption.WhyNotSubmit(video).Should().BeNull();
    }
}
