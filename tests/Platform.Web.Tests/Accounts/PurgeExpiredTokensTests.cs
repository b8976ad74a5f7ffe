using Hangfire;
using Hangfire.Storage;
using Marten;
using Platform.Accounts;
using Platform.Web.Accounts;

namespace Platform.Tests.Accounts;

public sealed class PurgeExpiredTokensTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_job_removes_expired_tokens_and_keeps_live_ones_and_can_run_twice()
    {
        var store = fixture.Factory.Services.GetRequiredService<IDocumentStore>();
        var now = DateTimeOffset.UtcNow;
        var (_, expired) = SignInRecord.Issue(new UserAccount { Id = Guid.NewGuid() }, SignInKind.Token, null, now.AddDays(-8), TimeSpan.FromDays(7));
        var (_, live) = SignInRecord.Issue(new UserAccount { Id = Guid.NewGuid() }, SignInKind.Browser, "Firefox", now, TimeSpan.FromDays(7));
        await using (var session = store.LightweightSession())
        {
            session.Store(expired, live);
            await session.SaveChangesAsync();
        }
        var job = fixture.Factory.Services.GetRequiredService<PurgeExpiredTokens>();

        await job.RunAsync();
        await job.RunAsync();

        await using var query = store.QuerySession();
        (await query.LoadAsync<SignInRecord>(expired.Id)).Should().BeNull();
        (await query.LoadAsync<SignInRecord>(live.Id))!.UserId.Should().Be(live.UserId);
    }

    [Fact]
    public void The_job_is_scheduled_daily_in_hangfire()
    {
        using var connection = fixture.Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs();

        jobs.Should().Contain(j => j.Id == PurgeExpiredTokens.JobId && j.Cron == Cron.Daily());
    }
}
