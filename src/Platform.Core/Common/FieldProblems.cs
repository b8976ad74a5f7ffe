namespace Platform.Common;

/// <summary>What a command's fields lack, collected to be refused at once: one message, and each problem at its field.</summary>
public sealed class FieldProblems
{
    private readonly List<(string Field, string Problem)> _problems = [];

    public int Count => _problems.Count;

    public void Add(string field, string problem) => _problems.Add((field, problem));

    /// <summary>Throws a <see cref="DomainException"/> that names every problem after <paramref name="lead"/>, when there is any.</summary>
    public void ThrowIfAny(string lead, DomainError kind = DomainError.Invalid)
    {
        if (_problems.Count == 0) return;
        throw new DomainException(lead + string.Join("; ", _problems.Select(p => p.Problem)) + ".", kind)
        {
            Fields = _problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray()),
        };
    }
}
