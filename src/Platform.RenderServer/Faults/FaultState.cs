using Platform.RenderServer.Jobs;

namespace Platform.RenderServer.Faults;

public sealed class FaultState
{
    private readonly Lock gate = new();
    private FaultSettings current = new();
    private double failureDebt;

    public FaultSettings Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    public bool TruncateContent => Current.TruncateContent;

    public void Set(FaultSettings settings)
    {
        lock (gate)
        {
            current = settings;
            failureDebt = 0;
        }
    }

    /// <summary>Uses up one of the submissions to refuse, if any are left.</summary>
    public FaultSettings? TakeRejection()
    {
        lock (gate)
        {
            if (current.RejectNext <= 0)
            {
                return null;
            }
            var taken = current;
            current = current with { RejectNext = current.RejectNext - 1 };
            return taken;
        }
    }

    /// <summary>Error diffusion: each job adds the error rate to a debt and fails once the debt reaches one.</summary>
    public JobFaults ForNewJob()
    {
        lock (gate)
        {
            failureDebt += current.ErrorRate;
            var fail = failureDebt >= 1 - 1e-9;
            if (fail)
            {
                failureDebt -= 1;
            }
            return new JobFaults(fail, current.Hang);
        }
    }
}
