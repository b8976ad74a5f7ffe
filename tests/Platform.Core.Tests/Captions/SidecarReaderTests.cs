using Platform.Captions;

namespace Platform.Tests.Captions;

public class SidecarReaderTests
{
    private const string Valid = """
        {
          "renderParameters": {
            "camera": { "focusType": "follow", "focusPosition": "upper", "movementType": "spin", "movementValue": 90, "focalLength": 0.6 },
            "environment": { "sceneType": "basic", "sceneColor": "#A0B0C0", "lights": [ { "colorTemperature": 5600, "intensity": 3 } ] },
            "render": { "engine": "blender", "quality": "high" }
          },
          "tags": { "character": ["breakdancer"], "motion": ["uprock", "freeze"], "style": ["3D render"] },
          "source": { "asset": "dancer_07.fbx", "frames": 120, "fps": 24 }
        }
        """;

    private static SidecarReading ReadWith(string from, string to) => SidecarReader.Read(Valid.Replace(from, to, StringComparison.Ordinal));

    [Fact]
    public void A_valid_sidecar_reads_into_render_parameters_and_tags()
    {
        var reading = SidecarReader.Read(Valid);

        reading.Problems.Should().BeEmpty();
        var sidecar = reading.Sidecar!;
        (sidecar.RenderParameters.Camera.MovementType, sidecar.RenderParameters.Camera.FocusPosition, sidecar.RenderParameters.Camera.MovementValue)
            .Should().Be((MovementType.Spin, FocusPosition.Upper, 90.0));
        (sidecar.RenderParameters.Environment.SceneType, sidecar.RenderParameters.Render.Engine).Should().Be((SceneType.Basic, RenderEngine.Blender));
        sidecar.Tags.Motion.Should().Equal("uprock", "freeze");
        sidecar.Tags.Object.Should().BeEmpty("absent tag lists read as empty");
        sidecar.Source!.Frames.Should().Be(120);
    }

    [Theory]
    [InlineData("\"movementType\": \"spin\"", "\"movementType\": \"orbit\"", "renderParameters.camera.movementType")]
    [InlineData("\"focalLength\": 0.6", "\"focalLength\": 1.5", "renderParameters.camera.focalLength")]
    [InlineData("\"sceneColor\": \"#A0B0C0\"", "\"sceneColor\": \"grey\"", "renderParameters.environment.sceneColor")]
    [InlineData("\"colorTemperature\": 5600", "\"colorTemperature\": 50", "renderParameters.environment.lights[0].colorTemperature")]
    [InlineData("\"engine\": \"blender\"", "\"engine\": \"maya\"", "renderParameters.render.engine")]
    [InlineData("\"motion\": [\"uprock\", \"freeze\"]", "\"motion\": [\"uprock\", \"uprock\"]", "tags.motion")]
    public void A_bad_value_is_refused_naming_its_field(string from, string to, string field)
    {
        var reading = ReadWith(from, to);

        reading.IsValid.Should().BeFalse();
        reading.Problems.Should().Contain(p => p.Field == field);
    }

    [Theory]
    [InlineData("\"movementType\": \"spin\"", "\"movementType\": \"orbit\"", "renderParameters.camera.movementType",
        "is \"orbit\"; allowed values: \"truck\", \"dolly\", \"pedestal\", \"tilt\", \"pan\", \"spin\", \"following\", \"zoom\"")]
    [InlineData("\"engine\": \"blender\"", "\"engine\": \"maya\"", "renderParameters.render.engine", "is \"maya\"; allowed values: \"blender\", \"unreal\"")]
    [InlineData("\"focusType\": \"follow\"", "\"focusType\": 3", "renderParameters.camera.focusType", "is 3; allowed values: \"follow\", \"fixed\"")]
    public void A_value_outside_an_enumeration_is_refused_with_the_values_allowed(string from, string to, string field, string message)
    {
        var reading = ReadWith(from, to);

        reading.Problems.Should().ContainSingle(p => p.Field == field).Which.Message.Should().Be(message);
        reading.Problems.Should().NotContain(p => p.Message.Contains("specified by the enum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var reading = ReadWith("\"focusType\": \"follow\", ", "");

        reading.IsValid.Should().BeFalse();
        reading.Problems.Should().Contain(p => p.Field == "renderParameters.camera" && p.Message.Contains("focusType", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_field_is_refused_and_named()
    {
        var reading = ReadWith("\"quality\": \"high\"", "\"quality\": \"high\", \"samples\": 64");

        reading.IsValid.Should().BeFalse();
        reading.Problems.Should().Contain(new SidecarProblem("renderParameters.render.samples", "is not a field of the sidecar format"));
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_with_its_line()
    {
        var reading = SidecarReader.Read("{\n  \"tags\": {\n  oops }");

        reading.IsValid.Should().BeFalse();
        reading.Problems.Should().ContainSingle().Which.Message.Should().Contain("line 3");
    }

    [Fact]
    public void The_schemas_enumerations_are_the_models()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Platform.sln"))) root = root.Parent!;
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(
            Path.Combine(root.FullName, "src", "Platform.Core", "Captions", "ReadingSidecars", "synthetic-sidecar.schema.json")));
        var parameters = schema.RootElement.GetProperty("properties").GetProperty("renderParameters").GetProperty("properties");
        IEnumerable<string> Values(string group, string field) =>
            parameters.GetProperty(group).GetProperty("properties").GetProperty(field).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!);
        static IEnumerable<string> Names<T>() where T : struct, Enum => Enum.GetNames<T>().Select(n => n.ToLowerInvariant());

        Values("camera", "focusType").Should().Equal(Names<FocusType>());
        Values("camera", "focusPosition").Should().Equal(Names<FocusPosition>());
        Values("camera", "movementType").Should().Equal(Names<MovementType>());
        Values("environment", "sceneType").Should().Equal(Names<SceneType>());
        Values("render", "engine").Should().Equal(Names<RenderEngine>());
        Values("render", "quality").Should().Equal(Names<RenderQuality>());
    }
}
