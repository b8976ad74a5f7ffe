namespace Platform.Results;

/// <param name="ApplyExclusions">Leave out the participants the study's exclusion rules flag ("after exclusions").</param>
/// <param name="Task">Only this task's judgments; null for all.</param>
/// <param name="Resamples">Bootstrap resamples for the ranking's intervals.</param>
/// <param name="Seed">Seeds the bootstrap, so a rerun gives the same intervals.</param>
public sealed record ResultsOptions(
    bool ApplyExclusions = true,
    string? Task = null,
    int Resamples = BradleyTerry.DefaultResamples,
    int Seed = BradleyTerry.DefaultSeed);
