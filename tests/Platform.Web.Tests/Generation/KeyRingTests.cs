using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marten;
using Platform.Testing;
using Platform.Web.Generation.Servers;

namespace Platform.Tests.Generation;

/// <summary>The Data Protection key ring that protects servers' API keys, encrypted at rest when a certificate is set.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task With_a_certificate_the_key_ring_in_the_database_holds_no_readable_key()
    {
        var pfx = Path.Combine(Directory.CreateTempSubdirectory("platform-keyring-").FullName, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=platform-key-ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        }
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("keyring"), new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "secret",
        });
        var admin = await factory.AdminAsync();

        await admin.RegisterServerAsync("http://127.0.0.1:9/", apiKey: "sk-live-123");

        await using var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var ring = await session.Query<DataProtectionKey>().ToListAsync();
        ring.Should().NotBeEmpty().And.OnlyContain(k => k.Xml.Contains("EncryptedData") && !k.Xml.Contains("<masterKey"));
        var registry = factory.Services.GetRequiredService<ServerRegistry>();
        var (server, _) = (await registry.ListAsync(CancellationToken.None)).Single();
        registry.Connection(server).ApiKey.Should().Be("sk-live-123", "the key still reads back through the protected ring");
    }
}
