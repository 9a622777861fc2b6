using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Publishing.Signing;
using PricingApi.Tests.Infrastructure;
using PricingApi.Publishing;

namespace PricingApi.Tests.Publishing;

/// <summary>
/// Issue 17, point 4: the hash chain and the signatures, checked the way a regulator would, with the openssl script in
/// docs/ (which shares no code with the service), and by the service's own verification report.
/// </summary>
public class SignatureTests
{
    [Fact]
    public async Task EachVersionLinksToThePreviousAndItsSignatureVerifiesWithOpenssl()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var regulator = app.CreateClient(Roles.Regulator);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-SIG"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);

        var v1 = await regulator.GetByteArrayAsync("/api/regulator/fee-list/versions/1");
        var v2 = await regulator.GetByteArrayAsync("/api/regulator/fee-list/versions/2");
        Assert.Null(JsonNode.Parse(v1)!.AsObject()["previousDigest"]);
        Assert.True(JsonNode.Parse(v1)!.AsObject().ContainsKey("previousDigest"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(v1)), JsonNode.Parse(v2)!["previousDigest"]!.GetValue<string>());
        var publicV2 = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions/2")).JsonBodyAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(v1)), publicV2["previousDigest"]!.GetValue<string>());

        var jwks = await (await app.CreateAnonymousClient().GetAsync("/.well-known/jwks.json")).JsonBodyAsync();
        var key = Assert.Single(jwks["keys"]!.AsArray())!;
        Assert.Equal("EC", key["kty"]!.GetValue<string>());
        Assert.Equal("P-256", key["crv"]!.GetValue<string>());
        var signature = await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions/2/signature");
        Assert.Equal("application/jose", signature.Content.Headers.ContentType!.MediaType);
        var jws = await signature.Content.ReadAsStringAsync();
        Assert.Matches(@"^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]{86}$", jws);

        foreach (var (version, bytes) in new[] { (1, v1), (2, v2) })
        {
            var (exitCode, output) = await OpensslVerifyAsync(app, version, bytes);
            Assert.True(exitCode == 0, output);
            Assert.Contains("Verified OK", output);
        }

        var report = await (await regulator.GetAsync("/api/regulator/fee-list/verification")).JsonBodyAsync();
        Assert.True(report["valid"]!.GetValue<bool>());
        Assert.Equal(2, report["versionsChecked"]!.GetValue<int>());
        Assert.All(report["versions"]!.AsArray(), v => Assert.True(v!["signatureValid"]!.GetValue<bool>()));
        Assert.Equal(key["kid"]!.GetValue<string>(), report["versions"]![1]!["keyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATamperedVersionRowIsDetectedByTheReportAndByOpenssl()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var regulator = app.CreateClient(Roles.Regulator);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-SIG"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);

        // Someone with database access rewrites version 2 (the triggers must be removed first).
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
                ? "DROP TRIGGER \"FeeListVersions_NoUpdate\""
                : "ALTER TABLE \"FeeListVersions\" DISABLE TRIGGER \"FeeListVersions_NoChange\"");
            return await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"FeeListVersions\" SET \"Document\" = REPLACE(\"Document\", '\"priceExcludingTax\":110.00', '\"priceExcludingTax\":100.00') WHERE \"Version\" = 2");
        });

        var report = await (await regulator.GetAsync("/api/regulator/fee-list/verification")).JsonBodyAsync();
        Assert.False(report["valid"]!.GetValue<bool>());
        var v1 = report["versions"]![0]!;
        var v2 = report["versions"]![1]!;
        Assert.Empty(v1["problems"]!.AsArray());
        Assert.False(v2["digestMatches"]!.GetValue<bool>());
        Assert.False(v2["signatureValid"]!.GetValue<bool>());
        Assert.Contains("changed after publication", v2["problems"]![0]!.GetValue<string>());

        // This instance keeps serving the bytes it published (it made the version ready from them); another instance
        // reading the row, or this one after a restart, serves the rewritten bytes, and openssl catches them.
        await using var other = new PricingApiFactory(shareDatabaseWith: app);
        var tampered = await other.CreateClient(Roles.Regulator).GetByteArrayAsync("/api/regulator/fee-list/versions/2");
        Assert.Contains("\"priceExcludingTax\":100.00", System.Text.Encoding.UTF8.GetString(tampered));
        Assert.Contains("\"priceExcludingTax\":110.00", System.Text.Encoding.UTF8.GetString(await regulator.GetByteArrayAsync("/api/regulator/fee-list/versions/2")));
        var (exitCode, output) = await OpensslVerifyAsync(app, 2, tampered);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Verification failure", output);
    }

    [Fact]
    public async Task AfterARotationOldVersionsKeepVerifyingAndNewOnesUseTheNewKey()
    {
        var keys = Directory.CreateTempSubdirectory("pricingapi-keys-").FullName;
        var settings = new Dictionary<string, string?> { ["Publishing:SigningKeyDirectory"] = keys };
        await using var first = new PricingApiFactory(settings: settings);
        first.CreateAnonymousClient(); // starts it: the seed signs version 1 with a key created on first use
        Assert.True(File.Exists(Path.Combine(keys, "active.pem")));

        var output = new StringWriter();
        Assert.Equal(0, SigningKeyCommands.Run(["keys", "signing", "rotate"], first.Services, output, TextWriter.Null));
        var newKid = output.ToString().Trim();
        await using var second = new PricingApiFactory(settings: settings, shareDatabaseWith: first);
        var admin = second.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-ROTATE"));
        second.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);

        var jwks = await (await second.CreateAnonymousClient().GetAsync("/.well-known/jwks.json")).JsonBodyAsync();
        Assert.Equal(2, jwks["keys"]!.AsArray().Count);
        var report = await (await second.CreateClient(Roles.Regulator).GetAsync("/api/regulator/fee-list/verification")).JsonBodyAsync();
        Assert.True(report["valid"]!.GetValue<bool>(), report.ToJsonString());
        Assert.NotEqual(newKid, report["versions"]![0]!["keyId"]!.GetValue<string>());
        Assert.Equal(newKid, report["versions"]![1]!["keyId"]!.GetValue<string>());
    }

    /// <summary>Runs docs/verify-fee-list-signature.sh over what a regulator downloads: the bytes, the JWS and the JWKS.</summary>
    private static async Task<(int ExitCode, string Output)> OpensslVerifyAsync(PricingApiFactory app, int version, byte[] bytes)
    {
        var anonymous = app.CreateAnonymousClient();
        var work = Directory.CreateTempSubdirectory("pricingapi-verify-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(work, "version.json"), bytes);
            await File.WriteAllTextAsync(Path.Combine(work, "signature.jws"), await anonymous.GetStringAsync($"/api/fee-list/versions/{version}/signature"));
            await File.WriteAllTextAsync(Path.Combine(work, "jwks.json"), await anonymous.GetStringAsync("/.well-known/jwks.json"));
            var start = new ProcessStartInfo("sh", [Path.Combine(RepositoryRoot(), "docs", "verify-fee-list-signature.sh"), "version.json", "signature.jws", "jwks.json"])
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PricingApi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PricingApi.sln not found above the test binaries.");
    }
}

/// <summary>Versions published before signing existed are signed at the next start.</summary>
public class UnsignedVersionTests
{
    [Fact]
    public async Task AVersionWithoutASignatureIsSignedAtStart()
    {
        await using var first = new PricingApiFactory();
        first.CreateAnonymousClient();
        // As a database upgraded from before signing would be: version 1 without its signature.
        await first.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
                ? "DROP TRIGGER \"FeeListSignatures_NoDelete\""
                : "ALTER TABLE \"FeeListSignatures\" DISABLE TRIGGER \"FeeListSignatures_NoChange\"");
            return await db.FeeListSignatures.ExecuteDeleteAsync();
        });
        await (await first.CreateAnonymousClient().GetAsync("/api/fee-list/versions/1/signature")).ProblemAsync(HttpStatusCode.NotFound);

        await using var restarted = new PricingApiFactory(shareDatabaseWith: first);
        var report = await (await restarted.CreateClient(Roles.Regulator).GetAsync("/api/regulator/fee-list/verification")).JsonBodyAsync();

        Assert.True(report["valid"]!.GetValue<bool>(), report.ToJsonString());
        Assert.True(report["versions"]![0]!["signatureValid"]!.GetValue<bool>());
    }
}
