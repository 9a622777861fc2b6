using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Operations;

/// <summary>
/// SIGTERM while a client is still sending a request body. Before, Kestrel's cancelled read reached the JSON reader:
/// 500, an error and a failed body drain in the log. Now the upload finishes within the shutdown grace period and is
/// answered as usual, on a connection the server then closes.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow), Trait(TestCategories.Kind, TestCategories.Process)]
public class ShutdownDuringUploadTests
{
    [Fact]
    public async Task ABodyStillUploadingAtSigtermIsReadToItsEndAndAnsweredThenTheServiceExitsWithoutErrors()
    {
        var directory = Directory.CreateTempSubdirectory("pricingapi-process-").FullName;
        await using var service = await ServiceProcess.StartAsync(Path.Combine(directory, "pricing.db"),
            new Dictionary<string, string> { ["Hosting__ShutdownTimeoutSeconds"] = "20" });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", service.Port);
        var stream = tcp.GetStream();
        var body = Encoding.UTF8.GetBytes("{\"meterDiameterMm\": 25, \"externalPipeLengthM\": 10, \"customerType\": \"residential\"" + new string(' ', 200) + "}");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /api/connections/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {body.Length}\r\n\r\n"));
        await stream.WriteAsync(body.AsMemory(0, 20)); // stops inside a property name: the JSON reader is waiting for more
        // Nothing tells a client that the endpoint has begun reading; half a second is ample for a 20-byte start.
        await Task.Delay(500);
        service.Terminate();

        // The client goes on uploading, a few bytes at a time, as a slow client would.
        for (var sent = 20; sent < body.Length; sent += 5)
        {
            await stream.WriteAsync(body.AsMemory(sent, Math.Min(5, body.Length - sent)));
            await Task.Delay(50);
        }

        var response = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30))) > 0)
        {
            response.Write(buffer, 0, read);
        }

        await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var text = Encoding.UTF8.GetString(response.ToArray());
        var log = string.Join('\n', service.Output);
        Assert.True(text.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal), $"{text}\n{log}");
        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.Contains("Connection: close", head, StringComparison.OrdinalIgnoreCase);
        var answer = JsonDocument.Parse(text[text.IndexOf('{')..(text.LastIndexOf('}') + 1)]).RootElement;
        Assert.True(answer.GetProperty("connectionFree").GetBoolean(), answer.ToString()); // DN25 and 10 m: a free connection

        Assert.Equal(0, service.ExitCode);
        var levels = service.Output.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("LogLevel").GetString()).ToList();
        Assert.True(!levels.Any(l => l is "Error" or "Critical"), log);
    }
}
