using System.Security.Cryptography;
using System.Text;

namespace Platform.Results;

/// <summary>
/// What a judgment file holds, as a SHA-256 of its judgments once checked (cells trimmed, conditions and tasks as the
/// study spells them, choices named one way), sorted: the same judgments give the same hash whatever the file's line
/// endings, quoting, delimiter, column order, letter case of keys or order of rows. Cells cannot hold control
/// characters, so the unit and record separators between them keep every judgment apart.
/// </summary>
public static class ImportedContent
{
    public static string Hash(IEnumerable<ImportedJudgment> judgments)
    {
        var lines = judgments
            .Select(j => string.Join('\u001f', j.Participant, j.Prompt, j.Task, j.Left, j.Right ?? "", j.Choice.ToString()))
            .Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(line));
            sha.AppendData("\u001e"u8);
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>
/// An import already in the study, as a new one is checked against it: which file, when, and the hash of its content
/// (<see cref="ImportedContent"/>); null for imports made before hashes were kept, which match nothing.
/// </summary>
public sealed record EarlierImport(Guid ImportId, string FileName, DateTimeOffset At, string? ContentHash);
