using Platform.Studies;

namespace Platform.Tests.Studies.UploadingInBulk;

public sealed class BulkMappingTests
{
    /// <summary>Keys as people write them (made without the key rule, which another change is widening).</summary>
    private static Study Study(params string[] tasks) =>
        Platform.Studies.Study.Create(new StudyCreated(A.StudyId, A.Pairwise("Gen-3-alpha-turbo", "kling-1.6", "simdrop-0.1").WithTasks(tasks), Guid.NewGuid(), A.Now));

    private static BulkPlan Manifest(Study study, string manifest, params string[] files) => BulkMapping.Map(study, new BulkRequest(files, manifest));

    [Fact]
    public void A_manifest_maps_each_file_keeping_the_study_spelling_of_condition_and_task()
    {
        var plan = Manifest(Study("Walking", "Dancing"), """
            file,condition,prompt,task,seed
            kling/p01_1.mp4,KLING-1.6,"A dancer spins, slowly",dancing,1
            gen3/p01_1.mp4,gen-3-ALPHA-turbo,"A dancer spins, slowly",Dancing,1
            sim.mov , simdrop-0.1 , A man walks , WALKING ,
            """, "kling/p01_1.mp4", "gen3/p01_1.mp4", "sim.mov");

        plan.IsReady.Should().BeTrue();
        plan.Problems.Should().BeEmpty();
        plan.Videos.Should().Equal(
            new BulkVideo("kling/p01_1.mp4", "kling-1.6", "A dancer spins, slowly", "Dancing", 1),
            new BulkVideo("gen3/p01_1.mp4", "Gen-3-alpha-turbo", "A dancer spins, slowly", "Dancing", 1),
            new BulkVideo("sim.mov", "simdrop-0.1", "A man walks", "Walking", null));
        plan.Rows.Select(r => r.Line).Should().Equal(2, 3, 4);
    }

    [Fact]
    public void Every_problem_is_named_with_its_manifest_line_and_nothing_is_ready()
    {
        var plan = Manifest(Study("walking"), """
            file,condition,prompt,task,seed
            a.mp4,kling-1.6,A man walks,walking,1
            b.mp4,kling-2.0,A man walks,walking,2
            c.mp4,kling-1.6,A man walks,running,3
            d.mp4,kling-1.6,A man walks,walking,three
            e.mp4,kling-1.6,A man walks,walking,-4
            missing.mp4,kling-1.6,A man walks,walking,5
            a.mp4,simdrop-0.1,A man walks,walking,6
            f.mp4,kling-1.6,A man walks,walking,1
            g.mp4,kling-1.6,,walking,7
            """, "a.mp4", "b.mp4", "c.mp4", "d.mp4", "e.mp4", "f.mp4", "g.mp4", "extra.mp4");

        plan.IsReady.Should().BeFalse();
        plan.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
            "manifest line 3 (b.mp4): condition 'kling-2.0' is not one of the study's (Gen-3-alpha-turbo, kling-1.6, simdrop-0.1)",
            "manifest line 4 (c.mp4): task 'running' is not one of the study's (walking)",
            "manifest line 5 (d.mp4): seed 'three' is not a whole number from 0 to 2147483647",
            "manifest line 6 (e.mp4): seed '-4' is not a whole number from 0 to 2147483647",
            "manifest line 7 (missing.mp4): no file missing.mp4 was chosen",
            "manifest line 8 (a.mp4): a.mp4 is named twice in the manifest (first on line 2)",
            "manifest line 9 (f.mp4): the same condition, prompt and seed as manifest line 2 (a.mp4) (a duplicate; give it another seed or leave it out)",
            "manifest line 10 (g.mp4): prompt is empty",
            "file extra.mp4: no manifest line names this file");
        plan.BadLines.Should().Equal(3, 4, 5, 6, 7, 8, 9, 10);
    }

    [Fact]
    public void A_manifest_without_a_needed_column_is_refused_at_its_header()
    {
        var plan = Manifest(Study(), "file,model,prompt\na.mp4,kling-1.6,x\n", "a.mp4");

        plan.Problems.Should().ContainSingle().Which.Should().Be(new BulkProblem("manifest",
            "line 1 (the header) of the manifest lacks the column condition; expected 'file,condition,prompt,task,seed'", 1));
        plan.IsReady.Should().BeFalse();
    }

    [Fact]
    public void A_line_with_a_stray_quote_is_named_and_line_numbers_count_line_breaks_inside_quotes()
    {
        var plan = Manifest(Study(), "file;condition;prompt\na.mp4;kling-1.6;\"Two lines:\nof prompt\"\nb.mp4;kling-1.6;a \"quoted\" word\n", "a.mp4", "b.mp4");

        plan.Rows[0].Should().BeEquivalentTo(new { Line = 2, Prompt = "Two lines:\nof prompt", Problems = Array.Empty<string>() });
        plan.Problems.Should().ContainSingle().Which.Line.Should().Be(4);
        plan.Problems[0].Problem.Should().StartWith("a quote is out of place");
    }

    [Fact]
    public void Files_that_are_not_videos_are_left_out_unless_the_manifest_names_one()
    {
        var plan = Manifest(Study(), "file,condition,prompt\na.mp4,kling-1.6,x\nnotes.txt,kling-1.6,y\n", "a.mp4", "manifest.csv", ".DS_Store", "notes.txt");

        plan.Ignored.Should().BeEquivalentTo("manifest.csv", ".DS_Store", "notes.txt");
        plan.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("manifest line 3 (notes.txt): notes.txt is not a video file");
    }

    [Fact]
    public void A_manifest_path_with_a_folder_against_files_chosen_one_by_one_says_to_choose_the_folder()
    {
        var plan = Manifest(Study(), "file,condition,prompt\nkling/a.mp4,kling-1.6,x\n", "a.mp4");

        plan.Problems.Select(p => p.Problem).Should().Contain(p => p.Contains("choose the folder", StringComparison.Ordinal));
    }

    [Fact]
    public void A_study_with_one_task_gives_it_to_lines_without_one_and_a_study_without_tasks_takes_none()
    {
        Manifest(Study("walking"), "file,condition,prompt\na.mp4,kling-1.6,x\n", "a.mp4").Videos.Single().Task.Should().Be("walking");
        Manifest(Study(), "file,condition,prompt,task\na.mp4,kling-1.6,x,walking\n", "a.mp4").Problems.Single().Problem
            .Should().Be("task 'walking' is given, but the study has no tasks (leave it empty)");
        Manifest(Study("walking", "dancing"), "file,condition,prompt\na.mp4,kling-1.6,x\n", "a.mp4").Problems.Single().Problem
            .Should().Be("task is empty; the study's tasks are walking, dancing");
    }

    [Fact]
    public void A_closed_study_takes_nothing()
    {
        var plan = Manifest(Study().Closed(), "file,condition,prompt\na.mp4,kling-1.6,x\n", "a.mp4");

        plan.IsReady.Should().BeFalse();
        plan.Problems.Should().Contain(new BulkProblem("study", "the study is closed; it takes no more videos"));
    }

    private const string PromptList = """
        prompt_id,prompt
        walk_01,"A man walks, then stops"
        spin,A dancer spins
        """;

    [Fact]
    public void A_pattern_takes_the_condition_from_the_folder_and_the_prompt_text_from_the_prompts_list()
    {
        var plan = BulkMapping.Map(Study(), new BulkRequest(["KLING-1.6/walk_01_3.mp4", "simdrop-0.1/spin_12.MP4", "Gen-3-alpha-turbo/spin_0.mp4", "readme.md"],
            null, "{condition}/{prompt_id}_{seed}.mp4", PromptList));

        plan.Problems.Should().BeEmpty();
        plan.Videos.Should().BeEquivalentTo([
            new BulkVideo("Gen-3-alpha-turbo/spin_0.mp4", "Gen-3-alpha-turbo", "A dancer spins", "", 0),
            new BulkVideo("KLING-1.6/walk_01_3.mp4", "kling-1.6", "A man walks, then stops", "", 3),
            new BulkVideo("simdrop-0.1/spin_12.MP4", "simdrop-0.1", "A dancer spins", "", 12),
        ]);
    }

    [Fact]
    public void A_pattern_names_each_path_it_does_not_fit_each_unknown_prompt_id_and_bad_seed()
    {
        var plan = BulkMapping.Map(Study(), new BulkRequest(["kling-1.6/walk_01_3.mp4", "kling-1.6/nested/spin_1.mp4", "kling-1.6/run_2.mp4", "kling-1.6/spin_x.mp4", "sora/spin_1.mp4"],
            null, "{condition}/{prompt_id}_{seed}.mp4", PromptList));

        plan.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
            "file kling-1.6/nested/spin_1.mp4: the path does not fit the pattern {condition}/{prompt_id}_{seed}.mp4",
            "file kling-1.6/run_2.mp4: prompt id 'run' is not in the prompts list",
            "file kling-1.6/spin_x.mp4: seed 'x' is not a whole number from 0 to 2147483647",
            "file sora/spin_1.mp4: condition 'sora' is not one of the study's (Gen-3-alpha-turbo, kling-1.6, simdrop-0.1)");
    }

    [Theory]
    [InlineData("{condition}/{prompt}_{seed}.mp4", "unknown placeholder {prompt}")]
    [InlineData("{condition}/{seed}.mp4", "must hold {prompt_id}")]
    [InlineData("{condition}/{condition}_{prompt_id}.mp4", "uses {condition} twice")]
    [InlineData("{condition/{prompt_id}.mp4", "not part of a placeholder")]
    [InlineData("", "the pattern is empty")]
    public void A_pattern_that_cannot_work_is_named_before_any_file(string pattern, string problem)
    {
        var plan = BulkMapping.Map(Study(), new BulkRequest(["kling-1.6/spin_1.mp4"], null, pattern, PromptList));

        plan.Problems.Should().ContainSingle().Which.Should().Match<BulkProblem>(p => p.Where == "pattern" && p.Problem.Contains(problem));
    }

    [Fact]
    public void A_pattern_with_a_star_and_a_task_takes_anything_in_its_place()
    {
        var plan = BulkMapping.Map(Study("walking", "dancing"), new BulkRequest(["run-7/kling-1.6/Dancing/spin-s4.webm"], null, "*/{condition}/{task}/{prompt_id}-s{seed}.*", PromptList));

        plan.Videos.Should().Equal(new BulkVideo("run-7/kling-1.6/Dancing/spin-s4.webm", "kling-1.6", "A dancer spins", "dancing", 4));
    }

    [Fact]
    public void A_prompts_list_with_bad_lines_names_them()
    {
        var plan = BulkMapping.Map(Study(), new BulkRequest(["kling-1.6/spin_1.mp4"], null, "{condition}/{prompt_id}_{seed}.mp4",
            "prompt_id,prompt\nspin,A dancer spins\nSPIN,again\nempty,\n"));

        plan.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
            "prompts line 3: prompt id 'SPIN' is given twice (first on line 2)",
            "prompts line 4: prompt is empty");
    }

    [Fact]
    public void The_stored_id_follows_from_study_fields_and_content_so_a_second_run_finds_the_first()
    {
        var video = new BulkVideo("a.mp4", "kling-1.6", "x", "", 1);

        BulkMapping.VideoId(A.StudyId, video, "abc").Should().Be(BulkMapping.VideoId(A.StudyId, video with { File = "elsewhere/b.mp4" }, "abc"));
        BulkMapping.VideoId(A.StudyId, video, "abc").Should().NotBe(BulkMapping.VideoId(A.StudyId, video, "abd"));
        BulkMapping.VideoId(A.StudyId, video, "abc").Should().NotBe(BulkMapping.VideoId(A.StudyId, video with { Seed = 2 }, "abc"));
    }

    [Fact]
    public void A_pattern_reads_the_condition_as_one_of_the_study_keys_before_splitting_names_greedily()
    {
        var plan = BulkMapping.Map(Study(), new BulkRequest(["simdrop-0.1_p_1_3.mp4", "KLING-1.6_walk_01_2.mp4", "sora_p_1_1.mp4"], null, "{condition}_{prompt_id}_{seed}.mp4",
            "prompt_id,prompt\np_1,A dancer spins\nwalk_01,A man walks\n"));

        plan.Rows.Where(r => r.IsValid).Select(r => (r.File, r.Condition, r.Prompt, r.Seed)).Should().BeEquivalentTo([
            ("KLING-1.6_walk_01_2.mp4", "kling-1.6", "A man walks", (int?)2),
            ("simdrop-0.1_p_1_3.mp4", "simdrop-0.1", "A dancer spins", (int?)3)]);
        // A condition the study lacks is still read as any name, so the problem can name it.
        plan.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
            "file sora_p_1_1.mp4: condition 'sora_p' is not one of the study's (Gen-3-alpha-turbo, kling-1.6, simdrop-0.1)",
            "file sora_p_1_1.mp4: prompt id '1' is not in the prompts list");
    }

    [Fact]
    public void A_manifest_path_that_leaves_the_folder_is_named_as_such()
    {
        var plan = Manifest(Study(), "file,condition,prompt\n../x.mp4,kling-1.6,x\n", "a.mp4", "kling/b.mp4");

        plan.Problems.Select(p => p.ToString()).Should().Contain(
            "manifest line 2 (../x.mp4): the path ../x.mp4 leaves the folder ('..'); a manifest names files inside the chosen folder only");
        plan.Problems.Should().NotContain(p => p.Problem.Contains("was chosen", StringComparison.Ordinal));
    }

    [Fact]
    public void A_seed_beyond_the_largest_names_the_largest()
    {
        var plan = Manifest(Study(), "file,condition,prompt,seed\na.mp4,kling-1.6,x,99999999999\nb.mp4,kling-1.6,x,2147483647\n", "a.mp4", "b.mp4");

        plan.Problems.Select(p => p.ToString()).Should().Equal("manifest line 2 (a.mp4): seed '99999999999' is larger than 2147483647, the largest seed");
        plan.Rows[1].Seed.Should().Be(int.MaxValue);
    }

    private static CandidateVideo Stored(string condition, string prompt, int? seed, string file) =>
        CandidateVideo.Create(new VideoUploaded(Guid.NewGuid(), A.StudyId, condition, prompt, "", seed, file, 1_000, Guid.NewGuid(), A.Now));

    [Fact]
    public void A_cell_a_stored_video_holds_is_named_on_its_line_unless_that_video_has_the_file_name_or_was_rejected()
    {
        var held = Stored("kling-1.6", "A man walks", 1, "old-take.mp4");
        var sameName = Stored("kling-1.6", "A man walks", 2, "b.mp4");
        var rejected = Stored("kling-1.6", "A man walks", 3, "broken.mp4");
        rejected.Apply(new VideoRejected(rejected.Id, A.StudyId, "no video stream", A.Now));
        var noSeed = Stored("simdrop-0.1", "A man walks", null, "first.mp4");

        var plan = BulkMapping.Map(Study(), new BulkRequest(["a.mp4", "run2/b.mp4", "c.mp4", "d.mp4"], """
            file,condition,prompt,seed
            a.mp4,KLING-1.6,A man walks,1
            run2/b.mp4,kling-1.6,A man walks,2
            c.mp4,kling-1.6,A man walks,3
            d.mp4,simdrop-0.1,A man walks,
            """), [held, sameName, rejected, noSeed]);

        plan.Problems.Select(p => p.ToString()).Should().Equal(
            $"manifest line 2 (a.mp4): video {held.Id} (old-take.mp4) is stored for condition 'kling-1.6', prompt 'A man walks' and seed 1 already; trials would show only one of the two (give this file another seed or leave it out)",
            $"manifest line 5 (d.mp4): video {noSeed.Id} (first.mp4) is stored for condition 'simdrop-0.1', prompt 'A man walks' and no seed already; trials would show only one of the two (give this file another seed or leave it out)");
        plan.BadLines.Should().Equal(2, 5);
    }
}
