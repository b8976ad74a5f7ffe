using Platform.RenderServer.Rendering;
using Platform.RenderServer.Rendering.Scenes;
using Platform.RenderServer.Tests.Support;

namespace Platform.RenderServer.Tests.Rendering;

public sealed class SceneTests
{
    [Fact]
    public void A_ray_from_the_middle_of_the_room_meets_the_floor_and_the_walls_where_they_are()
    {
        var empty = new Room([]);

        var down = empty.Trace(new Vec3(0, 1.4, 0), new Vec3(0, -1, 0));
        var right = empty.Trace(new Vec3(0, 1.4, 0), new Vec3(1, 0, 0));

        (down.Axis, down.Distance, down.U, down.V).Should().Be((1, 1.4, 0.0, 0.0));
        (right.Axis, right.Distance).Should().Be((0, 4.0));
        right.Surface.Should().NotBe(down.Surface, "each face has a texture of its own");
    }

    [Fact]
    public void A_box_in_front_of_a_wall_hides_it_and_shows_the_face_turned_to_the_camera()
    {
        var room = new Room([new Box(new Vec3(1, 0, -0.5), new Vec3(2, 1, 0.5), 6)]);

        var hit = room.Trace(new Vec3(0, 0.5, 0), new Vec3(1, 0, 0));

        (hit.Axis, hit.Distance, hit.Surface).Should().Be((0, 1.0, 6), "the near face of the box, across x, on its low side");
    }

    [Theory]
    [InlineData(CameraMove.Orbit)]
    [InlineData(CameraMove.Dolly)]
    [InlineData(CameraMove.Truck)]
    public void Moves_with_parallax_carry_the_camera_through_the_room_and_a_pan_turns_it_in_place(CameraMove move)
    {
        var first = Camera.Along(move, 0, 0);
        var last = Camera.Along(move, 1, 0);
        var pan = (Camera.Along(CameraMove.Pan, 0, 0), Camera.Along(CameraMove.Pan, 1, 0));

        Distance(first.Position, last.Position).Should().BeGreaterThan(0.9, $"a {move} moves the camera");
        pan.Item1.Position.Should().Be(pan.Item2.Position);
        Distance(pan.Item1.Forward, pan.Item2.Forward).Should().BeGreaterThan(0.5, "a pan turns the view");
    }

    [Fact]
    public void The_prompt_names_the_camera_move_and_orbit_is_the_default()
    {
        SceneModels.MoveIn("A slow DOLLY into the room").Should().Be(CameraMove.Dolly);
        SceneModels.MoveIn("truck left past the boxes").Should().Be(CameraMove.Truck);
        SceneModels.MoveIn("pan across").Should().Be(CameraMove.Pan);
        SceneModels.MoveIn("a room with boxes").Should().Be(CameraMove.Orbit);
    }

    [Fact]
    public void The_unstable_model_moves_the_boxes_between_frames_and_the_consistent_one_keeps_every_pixel_of_a_still_room()
    {
        var settings = RenderSettings.From(new RenderRequest("an orbit") { Width = 64, Height = 48, Frames = 3, Seed = 3 });
        var still = settings with { Frames = 1 };

        SceneFrames.Render(still, 0).Should().Equal(SceneFrames.Render(still, 0));
        SceneFrames.Render(settings, 1).Should().NotEqual(SceneFrames.Render(settings, 0), "the camera moves");
        var unstable = settings with { Model = SceneModels.Unstable };
        SceneFrames.Render(unstable, 0).Should().NotEqual(SceneFrames.Render(settings, 0));
        Room.Lay(3).Shaken(1, SceneFrames.Shake).Boxes.Should().NotBeEquivalentTo(Room.Lay(3).Boxes);
    }

    [Fact]
    public async Task The_server_lists_the_scene_models_and_renders_them_as_the_same_bytes_every_time()
    {
        await using var server = await RunningServer.StartAsync(o => (o.Latency, o.MaxConcurrentJobs) = (TimeSpan.Zero, 4));
        var body = Videos.Tiny("an orbit around the room").With("model", SceneModels.Consistent).With("seed", 5);

        var models = (await server.GetJsonAsync("/v1/models")).GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString());
        var first = await server.DownloadVideoAsync(await server.SubmitVideoAsync(body));
        var again = await server.DownloadVideoAsync(await server.SubmitVideoAsync(body));
        var unstable = await server.DownloadVideoAsync(await server.SubmitVideoAsync(body.With("model", SceneModels.Unstable)));

        models.Should().Contain([SceneModels.Consistent, SceneModels.Unstable]);
        again.Should().Equal(first);
        var track = await Ffprobe.VideoTrackAsync(first);
        (track.Width, track.Height, track.Frames).Should().Be((64, 48, 8));
        (await Ffprobe.MeanPixelDifferenceAsync(first, unstable)).Should().BeGreaterThan(3, "the unstable room redraws its textures");
    }

    private static double Distance(Vec3 a, Vec3 b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y) + (a.Z - b.Z) * (a.Z - b.Z));
}
