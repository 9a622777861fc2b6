using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PricingApi.Tests.Infrastructure;

/// <summary>Serves a test application over real TCP, for clients that cannot use the in-memory test server (a browser).</summary>
public static class LoopbackServer
{
    /// <summary>
    /// Starts Kestrel on 127.0.0.1 with a port the OS picks, and returns the base address. Call it before any
    /// client is created; the factory's clients then talk to the same server. On a service already served this way
    /// (one a class shares, see <see cref="SharedPricingApi"/>) it returns the address it serves.
    /// </summary>
    public static Uri StartOnLoopback(this PricingApiFactory app)
    {
        if (app.LoopbackAddress is { } served)
        {
            return served;
        }

        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var site = new Uri(addresses.Single());
        app.ClientOptions.BaseAddress = site;
        app.LoopbackAddress = site;
        return site;
    }
}
