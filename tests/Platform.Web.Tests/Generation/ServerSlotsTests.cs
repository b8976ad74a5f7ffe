using Platform.Web.Generation.Running;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Generation;

/// <summary>
/// A server's slots on the real database: two <see cref="ServerSlots"/> stand for two worker processes. A freed slot
/// goes first to a waiter of the same process (first come, first served), else to another process's waiter.
/// </summary>
public sealed class ServerSlotsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private ServerSlots _here = default!;
    private ServerSlots _elsewhere = default!;

    public Task InitializeAsync()
    {
        var database = fixture.Factory.Services.GetRequiredService<PlatformDatabase>();
        (_here, _elsewhere) = (new ServerSlots(database), new ServerSlots(database));
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
        await Task.Delay(300);
        var third = _here.AcquireAsync(server, 1, Long, CancellationToken.None);
        await Task.Delay(300);

        await first.DisposeAsync();

        var handed = await second.WaitAsync(TimeSpan.FromSeconds(5));
        handed.Should().NotBeNull("the first waiter gets the freed slot");
        third.IsCompleted.Should().BeFalse("the limit is 1 and the second waiter holds the slot");
        (await _elsewhere.AcquireAsync(server, 1, TimeSpan.FromMilliseconds(500), CancellationToken.None))
            .Should().BeNull("a slot handed over inside a process keeps its lock in the database");

        await handed!.DisposeAsync();
        var last = await third.WaitAsync(TimeSpan.FromSeconds(5));
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
        await Task.Delay(300);
        waiting.IsCompleted.Should().BeFalse("both slots are held");

        await held.DisposeAsync();

        var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        taken.Should().NotBeNull("the other process was woken by the freed slot");
        (await _here.AcquireAsync(server, 2, TimeSpan.FromMilliseconds(300), CancellationToken.None)).Should().BeNull("two jobs hold the two slots");
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
        var timedOut = await _here.AcquireAsync(server, 1, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        timedOut.Should().BeNull("no slot came free within its wait");
        await cancel.CancelAsync();
        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();

        await held.DisposeAsync();

        var next = await _elsewhere.AcquireAsync(server, 1, TimeSpan.FromSeconds(5), CancellationToken.None);
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
        await Task.Delay(300);

        await slot1.DisposeAsync();
        await Task.Delay(500);
        waiting.IsCompleted.Should().BeFalse("slot 1 is beyond the new limit of 1, and slot 0 is still held");

        await slot0.DisposeAsync();
        var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        taken.Should().NotBeNull("slot 0 is within the limit");
        await taken!.DisposeAsync();
    }
}
