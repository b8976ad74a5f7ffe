using Platform.Results;

namespace Platform.Tests.Results;

public sealed class MeasuringConsistencyTests
{
    private static readonly string[] Images =
    [
        "# Image list with two lines of data per image:",
        "2 0.70710678 0 0.70710678 0 1 0 0 1 frame-0002.png",
        "10 20 2 11 30 -1",
        "1 1 0 0 0 -1 -2 -3 1 frame-0001.png",
        "",
    ];

    private static readonly string[] Points =
    [
        "# 3D point list with one line of data per point:",
        "1 0 0 0 255 255 255 0.5 1 0 2 0",
        "2 0 0 0 255 255 255 1.5 1 1 2 1 1 2",
        "3 0 0 0 255 255 255 1.0 2 2",
    ];

    [Fact]
    public void A_text_model_gives_the_papers_figures_and_each_cameras_centre()
    {
        var model = SparseModel.Read(Images, Points);

        (model.Registered, model.Points).Should().Be((2, 3));
        model.TrackLength.Should().BeApproximately(2.0, 1e-12, "(2 + 3 + 1) observations over 3 points");
        model.ReprojectionError.Should().BeApproximately(1.0, 1e-12);
        model.Cameras.Select(c => c.Frame).Should().Equal("frame-0001.png", "frame-0002.png");
        var (identity, turned) = (model.Cameras[0], model.Cameras[1]);
        (identity.X, identity.Y, identity.Z).Should().Be((1, 2, 3), "C = -t when R is the identity");
        turned.X.Should().BeApproximately(0, 1e-6);
        turned.Z.Should().BeApproximately(-1, 1e-6, "a quarter turn about y carries t = (1, 0, 0) to C = (0, 0, -1)");
    }

    [Fact]
    public void The_best_error_averages_only_the_thousand_smallest()
    {
        var points = Enumerable.Range(0, 1500).Select(i => $"{i} 0 0 0 0 0 0 {(i < 1000 ? 0.2 : 5.0)} 1 {i}").ToList();

        var model = SparseModel.Read([], points);

        model.BestReprojectionError.Should().BeApproximately(0.2, 1e-12);
        model.ReprojectionError.Should().BeApproximately((1000 * 0.2 + 500 * 5.0) / 1500, 1e-12);
    }

    [Fact]
    public void A_measured_video_gives_five_metrics_no_model_a_registered_share_of_zero_and_a_failed_run_none()
    {
        var model = new Reconstruction(12, 400, 5, 0.9, 0.4, []);
        var measured = Measurement(ConsistencyOutcome.Measured, 48, model);

        Consistency.Metrics(measured).Should().BeEquivalentTo(new[]
        {
            new VideoMetric(measured.VideoId, Consistency.RegisteredShare, 0.25),
            new VideoMetric(measured.VideoId, Consistency.Points, 400),
            new VideoMetric(measured.VideoId, Consistency.TrackLength, 5),
            new VideoMetric(measured.VideoId, Consistency.Error, 0.9),
            new VideoMetric(measured.VideoId, Consistency.BestError, 0.4),
        });
        Consistency.Metrics(Measurement(ConsistencyOutcome.NoModel, 48, null)).Select(m => (m.Metric, m.Value)).Should().Equal((Consistency.RegisteredShare, 0.0));
        Consistency.Metrics(Measurement(ConsistencyOutcome.Failed, 0, null)).Should().BeEmpty();
        Measurement(ConsistencyOutcome.NoModel, 48, null).Summary.Should().Be("no model: 0 of 48 frames registered");
        measured.Summary.Should().Be("12 of 48 frames registered");
    }

    [Theory]
    [InlineData("colmap_points", true)]
    [InlineData("COLMAP_Points", true)]
    [InlineData("ｃｏｌｍａｐ_points", true)]
    [InlineData("pose confidence", false)]
    [InlineData("my colmap_points", false)]
    public void A_name_reads_as_colmaps_in_any_case_and_in_look_alike_letters(string metric, bool reserved) =>
        Consistency.IsReserved(metric).Should().Be(reserved);

    private static ConsistencyMeasured Measurement(ConsistencyOutcome outcome, int frames, Reconstruction? model) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), outcome, frames, model, "", "COLMAP 3.8", new ColmapParameters(12, 320, 10), TimeSpan.FromSeconds(9), DateTimeOffset.UnixEpoch);
}
