using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Platform.Testing;
using Platform.Web.Generation.Running;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Generation;

/// <summary>
/// A server's slots on the real database: two <see cref="ServerSlots"/> stand for two worker processes. A freed slot
/// goes first to a waiter of the same process (first come, first served), else to another process's waiter. Time is
/// a fake clock that only the tests move: no wait ends, and no periodic look for a free slot happens, by itself.
/// </summary>
public sealed class ServerSlotsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new();
    private PlatformDatabase _database = default!;
    private ServerSlots _here = default!;
    private ServerSlots _elsewhere = default!;

    public Task InitializeAsync()
    {
        _database = fixture.Factory.Services.GetRequiredService<PlatformDatabase>();
        (_here, _elsewhere) = (new ServerSlots(_database, _clock), new ServerSlots(_database, _clock));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _here.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task A_freed_slot_goes_to_the_longest_waiting_job_of_its_process_and_stays_locked_for_the_others()
    {
        var server = Guid.NewGuid();
        var first = (await _here.AcquireAsync(server, 1, Long, CancellationToken.None))!;
        var second = _here.AcquireAsync(server, 1, Long, CancellationToken.None);
        await WaitingAsync(_here, server, 1);
        var third = _here.AcquireAsync(server, 1, Long, CancellationToken.None);
        await WaitingAsync(_here, server, 2);

        await first.DisposeAsync();

        var handed = await second.WaitAsync(Bound);
        handed.Should().NotBeNull("the first waiter gets the freed slot");
        third.IsCompleted.Should().BeFalse("the limit is 1 and the second waiter holds the slot");
        (await _elsewhere.AcquireAsync(server, 1, TimeSpan.Zero, CancellationToken.None))
            .Should().BeNull("a slot handed over inside a process keeps its lock in the database");

        await handed!.DisposeAsync();
        var last = await third.WaitAsync(Bound);
        last.Should().NotBeNull("the next waiter gets it after that");
        await last!.DisposeAsync();
    }

    [Fact]
    public async Task A_slot_freed_with_nobody_waiting_in_its_process_wakes_a_waiter_of_another()
    {
        var server = Guid.NewGuid();
        var held = (await _here.AcquireAsync(server, 2, Long, CancellationToken.None))!;
        var alsoHeld = (await _here.AcquireAsync(server, 2, Long, CancellationToken.None))!;
        var waiting = _elsewhere.AcquireAsync(server, 2, Long, CancellationToken.None);
        await WaitingAsync(_elsewhere, server, 1);

        await held.DisposeAsync();

        var taken = await waiting.WaitAsync(Bound);
        taken.Should().NotBeNull("the other process was woken by the freed slot's notification");
        (await _here.AcquireAsync(server, 2, TimeSpan.Zero, CancellationToken.None)).Should().BeNull("two jobs hold the two slots");
        await taken!.DisposeAsync();
        await alsoHeld.DisposeAsync();
    }

    [Fact]
    public async Task A_waiter_that_gives_up_is_passed_over_and_the_slot_is_not_lost()
    {
        var server = Guid.NewGuid();
        var held = (await _here.AcquireAsync(server, 1, Long, CancellationToken.None))!;
        using var cancel = new CancellationTokenSource();
        var cancelled = _here.AcquireAsync(server, 1, Long, cancel.Token);
        var timedOut = _here.AcquireAsync(server, 1, TimeSpan.FromSeconds(10), CancellationToken.None);
        await WaitingAsync(_here, server, 2);

        _clock.Advance(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        (await timedOut.WaitAsync(Bound)).Should().BeNull("no slot came free within its wait");
        await FluentActions.Awaiting(() => cancelled.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        _here.Waiting(server).Should().Be(0);
        await held.DisposeAsync();
        var next = await _elsewhere.AcquireAsync(server, 1, TimeSpan.Zero, CancellationToken.None);
        next.Should().NotBeNull("the freed slot went back to the database, not to a waiter that had left");
        await next!.DisposeAsync();
    }

    [Fact]
    public async Task After_a_server_s_limit_is_lowered_a_freed_slot_above_it_is_not_handed_on()
    {
        var server = Guid.NewGuid();
        var slot0 = (await _here.AcquireAsync(server, 2, Long, CancellationToken.None))!;
        var slot1 = (await _here.AcquireAsync(server, 2, Long, CancellationToken.None))!;
        var waiting = _here.AcquireAsync(server, 1, Long, CancellationToken.None); // the limit is 1 now
        await WaitingAsync(_here, server, 1);

        await slot1.DisposeAsync();
        var elsewhere = await _elsewhere.AcquireAsync(server, 2, TimeSpan.Zero, CancellationToken.None);

        elsewhere.Should().NotBeNull("slot 1 went back to the database: it is beyond the new limit of 1");
        waiting.IsCompleted.Should().BeFalse("slot 0 is still held");
        await slot0.DisposeAsync();
        var taken = await waiting.WaitAsync(Bound);
        taken.Should().NotBeNull("slot 0 is within the limit");
        await taken!.DisposeAsync();
        await elsewhere!.DisposeAsync();
    }

    [Fact]
    public async Task Jobs_waiting_for_a_slot_hold_no_connection_each()
    {
        var server = Guid.NewGuid();
        var held = (await _here.AcquireAsync(server, 1, Long, CancellationToken.None))!;
        var waiting = Enumerable.Range(0, 5).Select(_ => _here.AcquireAsync(server, 1, Long, CancellationToken.None)).ToList();
        await WaitingAsync(_here, server, 5);

        // The held slot's, the notification listener's and the one that looks for a free slot for all five.
        await Eventually.HoldsAsync(async () => await SlotConnectionsAsync() == 3, "three connections serve the slot and its five waiters");

        // Each freed slot goes to the next waiter, in the order they came.
        await held.DisposeAsync();
        while (waiting.Count > 0)
        {
            var next = await Task.WhenAny(waiting).WaitAsync(Bound);
            waiting.Remove(next);
            await (await next)!.DisposeAsync();
        }
    }

    private static Task WaitingAsync(ServerSlots slots, Guid server, int jobs) =>
        Eventually.HoldsAsync(() => slots.Waiting(server) == jobs, $"{jobs} jobs wait for the server's slot");

    private async Task<long> SlotConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from pg_stat_activity where datname = current_database() and application_name = $1", connection)
        {
            Parameters = { new() { Value = ServerSlots.ApplicationName } },
        };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
