namespace Platform.Web.Generation.Servers;

/// <summary>
/// Says once at start, with what to do, that the key ring protecting servers' API keys is stored unencrypted (the
/// framework's own warning, silenced in appsettings.json, names an "XML encryptor" and no remedy).
/// </summary>
internal sealed class KeyRingWarning(IConfiguration configuration, ILogger<KeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["DataProtection:CertificatePath"] is not { Length: > 0 })
        {
            logger.LogWarning(
                "The key ring that protects sign-in cookies and servers' API keys is stored unencrypted in PostgreSQL: anyone who can read " +
                "the database can read those keys. To encrypt the ring, set DataProtection:CertificatePath to a PFX certificate kept outside the database " +
                "(and DataProtection:CertificatePassword); see the README's configuration table.");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
