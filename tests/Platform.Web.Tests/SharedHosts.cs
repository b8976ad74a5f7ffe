namespace Platform.Tests;

// Test classes of one collection share one host on one database and run one after another; collections run side by
// side. Each test makes the studies, users and videos it reads and asserts only on those, so none depends on what an
// earlier test left behind. A class that reads the whole platform's state (every synthetic video, every job) or needs
// settings of its own keeps a host of its own.

[CollectionDefinition(Name)]
public sealed class VotingHost : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Voting host";
}

[CollectionDefinition(Name)]
public sealed class ParticipantsHost : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Participants host";
}

[CollectionDefinition(Name)]
public sealed class StudiesHost : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Studies host";
}

[CollectionDefinition(Name)]
public sealed class ResultsHost : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Results host";
}

[CollectionDefinition(Name)]
public sealed class PlatformHost : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform host";
}
