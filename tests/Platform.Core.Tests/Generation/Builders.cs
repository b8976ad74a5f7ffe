using Platform.Generation;

namespace Platform.Tests.Generation;

/// <summary>Test data: registered servers.</summary>
internal static class Servers
{
    public const string Template = """
        { "6": { "class_type": "CLIPTextEncode", "inputs": { "text": "{{prompt}}" }, "_meta": { "title": "Positive" } },
          "7": { "class_type": "CLIPTextEncode", "inputs": { "text": "{{negative_prompt}}" }, "_meta": { "title": "Negative" } },
          "3": { "class_type": "KSampler", "inputs": { "seed": {{seed}}, "steps": {{steps}}, "cfg": {{guidance}} } } }
        """;

    public static ServerSettings OpenAi(string name = "gpu-1", GenerationSettings? defaults = null) =>
        new(name, ServerProtocol.OpenAiVideos, "http://gpu-1.lab:8000/", "wan-2.1", 2, defaults, null);

    public static ServerSettings ComfyUi(string template = Template) =>
        new("comfy", ServerProtocol.ComfyUi, "https://comfy.lab", null, 1, null, template);

    public static InferenceServer Registered(ServerSettings settings) =>
        InferenceServer.Create(RegisteringServer.Handle(new RegisterServer(Guid.NewGuid(), settings, null, Guid.NewGuid()), Platform.Tests.Studies.A.Now));
}
