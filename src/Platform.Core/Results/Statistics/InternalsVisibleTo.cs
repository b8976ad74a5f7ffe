using System.Runtime.CompilerServices;

// The bootstrap's samplers are internal; their tests check their distributions directly.
[assembly: InternalsVisibleTo("Platform.Core.Tests")]
