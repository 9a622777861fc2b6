using Microsoft.Extensions.Options;

namespace PricingApi.Publishing.Signing;

/// <summary>
/// <c>keys signing create</c> makes the first signing key; <c>keys signing rotate</c> replaces the active key and keeps
/// the old public key so earlier versions keep verifying. The kid of the new key is printed on the last line.
/// </summary>
public static class SigningKeyCommands
{
    public static int Run(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var options = services.GetRequiredService<IOptions<PublishingOptions>>().Value;
        var directory = SigningKeys.KeyDirectory(options, services.GetRequiredService<IConfiguration>());
        if (options.SigningKeyPem is { Length: > 0 })
        {
            error.WriteLine("Publishing:SigningKeyPem is set: the active key comes from that secret. Create and rotate it where the secret is kept.");
            return 2;
        }

        switch (args.ElementAtOrDefault(2))
        {
            case "create" when File.Exists(Path.Combine(directory, SigningKeys.ActiveFile)):
                error.WriteLine($"A signing key already exists in {directory}; use `keys signing rotate` to replace it.");
                return 1;
            case "create":
            case "rotate":
                var id = SigningKeys.Create(directory, replace: true);
                error.WriteLine($"Signing key written to {Path.Combine(directory, SigningKeys.ActiveFile)}; running instances use it after a restart.");
                output.WriteLine(id);
                return 0;
            default:
                error.WriteLine("usage: keys signing create|rotate");
                return 2;
        }
    }
}
