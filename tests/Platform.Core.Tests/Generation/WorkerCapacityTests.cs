using Platform.Generation;

namespace Platform.Tests.Generation;

public class WorkerCapacityTests
{
    [Theory]
    [InlineData(20, 1, 8, CapacityLevel.Enough)]
    [InlineData(16, 2, 8, CapacityLevel.Enough)]
    [InlineData(12, 1, 8, CapacityLevel.Tight)]
    [InlineData(8, 1, 8, CapacityLevel.Tight)]
    [InlineData(7, 1, 8, CapacityLevel.TooFew)]
    [InlineData(0, 0, 2, CapacityLevel.TooFew)]
    [InlineData(0, 0, 0, CapacityLevel.Enough)]
    public void Workers_are_enough_at_two_per_server_slot_and_short_below_one(int workers, int processes, int slots, CapacityLevel level) =>
        WorkerCapacity.For(workers, processes, slots).Level.Should().Be(level);

    [Fact]
    public void Too_few_workers_are_told_with_the_setting_to_raise()
    {
        WorkerCapacity.For(4, 1, 10).Message.Should().Be(
            "The servers take 10 jobs at once, but 4 generation workers in 1 worker process run at most 4 together: raise Generation:Workers or start another worker process.");
        WorkerCapacity.For(12, 2, 8).Message.Should().Be(
            "12 generation workers in 2 worker processes for 8 server slots: a freed slot goes at once only to a job already waiting for it; 16 workers or more keep every server fed.");
        WorkerCapacity.For(0, 0, 1).Message.Should().StartWith("No worker process is running");
    }
}
