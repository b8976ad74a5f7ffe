using Platform.RenderServer;

await RenderServerApp.Build(args).RunAsync();

// A second partial declaration keeps the SDK from generating a public Program: the platform's own host already
// declares the global Program type, and a project referencing both hosts must not see two.
internal partial class Program;
