using Marten;
using Platform.Studies;

namespace Platform.Web.Voting;

/// <summary>
/// Every ten seconds, checks the goal of every open or paused adaptive study (<see cref="StudyGoals.CloseIfMetAsync"/>):
/// a check after an answer that was lost (the process stopped meanwhile) is made up for here.
/// </summary>
public sealed class GoalSweep(IDocumentStore store, StudyGoals goals, ILogger<GoalSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var session = store.QuerySession();
                var running = await session.Query<Study>().Where(s => s.Status == StudyStatus.Open || s.Status == StudyStatus.Paused).ToListAsync(stoppingToken);
                foreach (var study in running.Where(s => s.Settings.Goal is not null)) await goals.CloseIfMetAsync(study.Id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The sweep of adaptive studies' goals failed; it runs again in {Seconds} s", Every.TotalSeconds);
            }
        }
    }
}
