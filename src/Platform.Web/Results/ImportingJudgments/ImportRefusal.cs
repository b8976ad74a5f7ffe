using Platform.Common;
using Platform.Results;

namespace Platform.Web.Results;

/// <summary>Why a file was refused, for the page: a headline with every bad line numbered, then each described.</summary>
public sealed record ImportRefusal(string Headline, IReadOnlyList<string> Lines)
{
    public static ImportRefusal From(DomainException refused)
    {
        if (refused.Details.Count == 0 || !refused.Extensions.TryGetValue(ImportingJudgments.BadLines, out var badLines))
            return new ImportRefusal(refused.Message, []);
        var more = refused.Details.Count == ImportingJudgments.MaxProblemsListed
            ? $" The first {ImportingJudgments.MaxProblemsListed} are described below."
            : "";
        return new ImportRefusal($"Nothing was added: the file has lines that are not valid ({badLines}).{more}", refused.Details);
    }
}
