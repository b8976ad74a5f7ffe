namespace Platform.RenderServer.Rendering.Scenes;

/// <summary>A camera move of the paper's table 10.</summary>
public enum CameraMove { Orbit, Dolly, Truck, Pan }

/// <summary>
/// The models that render a real 3D scene instead of a 2D pattern: <see cref="Consistent"/> keeps the room rigid, so a
/// reconstruction of its frames succeeds; <see cref="Unstable"/> moves its geometry and redraws its textures each frame,
/// the way a generator without 3D consistency does. The prompt names the camera move (orbit unless it says dolly, truck
/// or pan); the seed lays out the room.
/// </summary>
public static class SceneModels
{
    public const string Consistent = "reference-scene";
    public const string Unstable = "reference-scene-unstable";

    public static readonly IReadOnlyList<string> All = [Consistent, Unstable];

    public static bool IsScene(string model) => model is Consistent or Unstable;

    public static CameraMove MoveIn(string prompt)
    {
        foreach (var move in new[] { CameraMove.Dolly, CameraMove.Truck, CameraMove.Pan })
        {
            if (prompt.Contains(move.ToString(), StringComparison.OrdinalIgnoreCase)) return move;
        }
        return CameraMove.Orbit;
    }
}
