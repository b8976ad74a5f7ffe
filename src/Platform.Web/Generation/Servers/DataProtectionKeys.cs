using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Platform.Web.Generation.Servers;

/// <summary>A Data Protection key, kept in PostgreSQL so every web and worker process can read what another protected.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = string.Empty;
    public string Xml { get; set; } = string.Empty;
}

/// <summary>
/// Stores the Data Protection key ring in PostgreSQL. The key ring API is synchronous and Marten's is asynchronous:
/// the rare reads and writes (at start, and when a key is made every 90 days) block on it.
/// </summary>
public sealed class DataProtectionKeys(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return [.. keys.Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
