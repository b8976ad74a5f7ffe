using Platform.Common;
using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class AddingVideoTests
{
    private static AddVideo Upload(string condition = "a", string prompt = "A dancer spins", string? task = "walking", int? seed = 7) =>
        new(Guid.NewGuid(), A.StudyId, condition, prompt, task, seed, "uploads/run-3/clip.mp4", 1_048_576, Guid.NewGuid());

    private static Study WithTasks() => A.Draft(A.Pairwise().WithTasks("Walking", "Dancing")).Opened();

    [Fact]
    public void A_valid_upload_is_recorded_trimmed_with_the_study_spelling_of_its_task()
    {
        var command = Upload(condition: " b ", prompt: "  A dancer spins ", task: " dancing ");

        var uploaded = AddingVideo.Handle(WithTasks(), [], command, A.Now);

        uploaded.Should().Be(new VideoUploaded(command.VideoId, A.StudyId, "b", "A dancer spins", "Dancing", 7, "clip.mp4", 1_048_576, command.By, A.Now));
    }

    [Fact]
    public void A_study_without_tasks_takes_any_task_and_no_seed()
    {
        var uploaded = AddingVideo.Handle(A.Draft(), [], Upload(task: null, seed: null), A.Now);

        uploaded.Task.Should().BeEmpty();
        uploaded.Seed.Should().BeNull();
    }

    [Fact]
    public void A_condition_named_in_another_case_is_stored_as_the_study_spells_it()
    {
        var study = A.Draft(A.Pairwise("simdrop-0.1", "Kling-1.6"));

        var uploaded = AddingVideo.Handle(study, [], Upload(condition: "KLING-1.6", task: null), A.Now);

        uploaded.Condition.Should().Be("Kling-1.6");
    }

    [Fact]
    public void An_unknown_condition_is_refused_listing_the_conditions()
    {
        var act = () => AddingVideo.Handle(WithTasks(), [], Upload(condition: "z"), A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable)
            .WithMessage("'z' is not a condition of this study; use one of: a, b.");
    }

    [Fact]
    public void An_unknown_task_is_refused_listing_the_tasks()
    {
        var act = () => AddingVideo.Handle(WithTasks(), [], Upload(task: "jumping"), A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable)
            .WithMessage("'jumping' is not a task of this study; use one of: Walking, Dancing.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_video_without_its_prompt_is_refused(string prompt)
    {
        var act = () => AddingVideo.Handle(A.Draft(), [], Upload(prompt: prompt), A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable).WithMessage("*needs the prompt*");
    }

    [Fact]
    public void A_prompt_over_4000_characters_is_refused()
    {
        var act = () => AddingVideo.Handle(A.Draft(), [], Upload(prompt: new string('p', 4001)), A.Now);

        act.Should().Throw<DomainException>().WithMessage("*1 to 4000 characters*");
    }

    [Fact]
    public void A_negative_seed_is_refused_but_zero_is_a_seed()
    {
        var act = () => AddingVideo.Handle(A.Draft(), [], Upload(seed: -1), A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable).WithMessage("*seed cannot be negative*");
        AddingVideo.Handle(A.Draft(), [], Upload(seed: 0), A.Now).Seed.Should().Be(0);
    }

    [Fact]
    public void A_paused_study_still_takes_videos_but_a_closed_one_does_not()
    {
        var paused = A.Draft().Opened().Paused();
        var closed = A.Draft().Opened().Closed();

        var act = () => AddingVideo.Handle(closed, [], Upload(), A.Now);

        AddingVideo.Handle(paused, [], Upload(), A.Now).StudyId.Should().Be(paused.Id);
        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*closed*");
    }

    private static CandidateVideo Stored(string condition = "a", string prompt = "A dancer spins", string task = "Walking", int? seed = 7, string file = "first.mp4") =>
        CandidateVideo.Create(new VideoUploaded(Guid.NewGuid(), A.StudyId, condition, prompt, task, seed, file, 1_000, Guid.NewGuid(), A.Now.AddDays(-1)));

    [Fact]
    public void A_video_for_a_cell_a_stored_video_holds_is_refused_naming_that_video()
    {
        var held = Stored();

        var act = () => AddingVideo.Handle(WithTasks(), [held], Upload(condition: "A"), A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict && (Guid)e.Extensions[AddingVideo.ExistingVideoMember] == held.Id)
            .WithMessage($"Nothing was stored: video {held.Id} (first.mp4) already holds condition 'a', prompt 'A dancer spins' and seed 7; trials would show only one of the two.*");
    }

    [Fact]
    public void The_cell_is_the_planners_condition_prompt_and_seed_so_no_seed_meets_no_seed_and_the_task_does_not_count()
    {
        var noSeed = Stored(seed: null);
        var otherTask = Stored(task: "Dancing");

        ((Action)(() => AddingVideo.Handle(WithTasks(), [noSeed], Upload(seed: null), A.Now))).Should().Throw<DomainException>().WithMessage("*and no seed;*");
        ((Action)(() => AddingVideo.Handle(WithTasks(), [otherTask], Upload(task: "walking"), A.Now))).Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict);
        AddingVideo.Handle(WithTasks(), [noSeed], Upload(seed: 7), A.Now).Seed.Should().Be(7);
        AddingVideo.Handle(WithTasks(), [Stored(condition: "b"), Stored(prompt: "A dancer jumps"), Stored(seed: 8)], Upload(), A.Now).Condition.Should().Be("a");
    }

    [Fact]
    public void A_rejected_video_frees_its_cell_and_a_video_is_not_in_its_own_way()
    {
        var rejected = Stored();
        rejected.Apply(new VideoRejected(rejected.Id, A.StudyId, "no video stream", A.Now));
        var again = Upload();
        var same = CandidateVideo.Create(AddingVideo.Handle(WithTasks(), [], again, A.Now));

        AddingVideo.Handle(WithTasks(), [rejected], Upload(), A.Now).Condition.Should().Be("a");
        AddingVideo.Handle(WithTasks(), [same], again, A.Now).VideoId.Should().Be(again.VideoId);
    }
}
