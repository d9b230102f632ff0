using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PlanManager.Web.Data;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest. The ring itself stays in
/// the database (shared by every node); this key does not, so a copy of the database alone opens
/// neither the connector secrets nor a session cookie.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";
    public const string GeneratedFileName = "keyring-certificate.pfx";

    /// <summary>A PFX file with a private key (a mounted secret). Required with SQL Server outside Development.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates used before a certificate rotation: still read older keys, never encrypt new ones.</summary>
    public IList<string> PreviousCertificatePaths { get; } = [];
}

public static class KeyRingSetup
{
    public static IServiceCollection AddPlanManagerKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var builder = services.AddDataProtection()
            .SetApplicationName("PlanManager")
            .PersistKeysToDbContext<PlanManagerDbContext>();

        var path = ResolvePath(options, database, environment);
        services.AddOptions<KeyRingOptions>()
            .Bind(configuration.GetSection(KeyRingOptions.Section))
            .Validate(_ => path is not null,
                "DataProtection:CertificatePath is not set. Outside Development a server database needs a certificate that is not stored in it to encrypt the key ring (see docs/deployment.md, 'Key ring').")
            .Validate(_ => path is null || File.Exists(path), $"DataProtection:CertificatePath '{path}' does not exist.")
            .ValidateOnStart();
        if (path is null || !File.Exists(path))
        {
            return services;
        }

        var current = Load(path, options.CertificatePassword);
        var all = new List<X509Certificate2> { current };
        all.AddRange(options.PreviousCertificatePaths.Where(File.Exists).Select(p => Load(p, options.CertificatePassword)));
        builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([.. all]);
        return services;
    }

    /// <summary>
    /// The configured certificate; else, for the embedded SQLite set-up (or Development), one made
    /// on first start beside the data folder, so the demo is encrypted too; else null (refused on start).
    /// </summary>
    internal static string? ResolvePath(KeyRingOptions options, DatabaseOptions database, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return Path.GetFullPath(options.CertificatePath, environment.ContentRootPath);
        }

        string folder;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(DatabaseRegistration.SqliteConnectionString(database.ConnectionString, environment.ContentRootPath)).DataSource;
            folder = dataSource != ":memory:" && Path.GetDirectoryName(dataSource) is { Length: > 0 } beside ? beside : Path.Combine(environment.ContentRootPath, "App_Data");
        }
        else if (environment.IsDevelopment())
        {
            folder = Path.Combine(environment.ContentRootPath, "App_Data");
        }
        else
        {
            return null;
        }

        var generated = Path.Combine(folder, KeyRingOptions.GeneratedFileName);
        if (!File.Exists(generated))
        {
            Directory.CreateDirectory(folder);
            WriteSelfSigned(generated);
        }

        return generated;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The key ring certificate '{path}' has no private key.");
        }

        return certificate;
    }

    private static void WriteSelfSigned(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PlanManager key ring (embedded)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        var bytes = certificate.Export(X509ContentType.Pfx);
        var temporary = path + ".part";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Only the app's own account reads it: it is the one thing a copied backup lacks.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, fileOptions))
        {
            file.Write(bytes);
        }

        try
        {
            File.Move(temporary, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first; use theirs.
            File.Delete(temporary);
        }
    }
}
