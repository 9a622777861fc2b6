using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace PricingApi.Operations;

/// <summary>
/// Writes the access log (<see cref="RequestLog"/>) off the request path. Through the console logger the line cost
/// the public fee list about a quarter of its throughput: formatting with scopes on the request's thread, then one
/// write to the console per line. Here a request copies six values into a bounded queue; this writer formats them
/// straight to UTF-8 and writes whole lines in batches of up to 4 KB (one write each, so a line is never split by
/// another writer on a pipe). The writer wakes every <see cref="Interval"/> and takes what has queued, rather than
/// being woken by each line: a wake-up per request cost the busy fee list more than the line itself. When the queue
/// is full, lines are dropped and counted, never waited for; the count is logged as a warning.
/// </summary>
/// <remarks>
/// The public fee list's successful answers (endpoints marked <see cref="SampledInAccessLog"/>), which are most of the
/// traffic and all alike, are logged one in <see cref="AccessLogOptions.PublicFeeListOneIn"/>, each such line saying
/// so (<c>SampledOneIn</c>); every other request, and every refusal or failure of the fee list, has its own line.
/// The requests meter counts them all.
///
/// The lines have the JSON console formatter's shape (Timestamp, EventId, LogLevel, Category, Message, State), so
/// one log shipper reads them with the rest; in Development, where logs are text, they are text too. Whether they
/// are written follows the level of the category <see cref="RequestLog.Category"/>, read per request, so changing
/// it in appsettings.json takes effect without a restart.
/// </remarks>
public sealed class AccessLog : IHostedService, IDisposable
{
    // At 60,000 requests a second, 100 ms of lines is 6,000 entries of about 60 bytes each.
    private const int Capacity = 32 * 1024;

    /// <summary>How long a line may wait in the queue; short enough for someone watching the log, long enough to batch.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const int BatchBytes = 4096;

    private readonly Channel<Entry> _entries = Channel.CreateBounded<Entry>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ILogger _category;
    private readonly Stream _output;
    private readonly bool _json;
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly ArrayBufferWriter<byte> _batch = new(BatchBytes);
    private readonly StringBuilder _message = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly PeriodicTimer _tick = new(Interval);
    private readonly int _sampleOneIn;
    private long _sampledSeen;
    private long _dropped;
    private Task _draining = Task.CompletedTask;

    public AccessLog(ILoggerFactory loggers, IHostEnvironment environment, IOptions<AccessLogOptions> options)
        : this(loggers.CreateLogger(RequestLog.Category), Console.OpenStandardOutput(), json: LoggingSetup.WritesJson(environment),
            options.Value.PublicFeeListOneIn)
    {
    }

    internal AccessLog(ILogger category, Stream output, bool json, int sampleOneIn = 1)
    {
        _category = category;
        _output = output;
        _json = json;
        _sampleOneIn = sampleOneIn;
        _writer = new Utf8JsonWriter(_line, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private readonly record struct Entry(
        DateTime At, string Method, string Path, int Status, long DurationTicks, IPAddress? Client, string RequestId, int OneIn);

    /// <summary>Queues the line of a finished request that started at <paramref name="startedAt"/> (a Stopwatch timestamp).</summary>
    public void Write(HttpContext context, long startedAt)
    {
        if (!_category.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var status = context.Response.StatusCode;
        var oneIn = 1;
        if (_sampleOneIn > 1 && status is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            && context.GetEndpoint()?.Metadata.GetMetadata<SampledInAccessLog>() is not null)
        {
            // Counted, not random: exactly one line for every n such answers, so the counts can be multiplied back.
            if (Interlocked.Increment(ref _sampledSeen) % _sampleOneIn != 0)
            {
                return;
            }

            oneIn = _sampleOneIn;
        }

        var entry = new Entry(DateTime.UtcNow, context.Request.Method, context.Request.Path.Value ?? "", status,
            Stopwatch.GetElapsedTime(startedAt).Ticks, context.Connection.RemoteIpAddress, RequestIdMiddleware.Of(context), oneIn);
        if (!_entries.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _draining = Task.Run(DrainAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Closes the queue and stops the timer; what the queue holds is still written (until the host's shutdown timeout).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _entries.Writer.TryComplete();
        _tick.Dispose(); // the writer's wait ends at once, and it writes what is left
        await _draining.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task DrainAsync()
    {
        bool running;
        do
        {
            running = await _tick.WaitForNextTickAsync();
            WriteQueued();
        }
        while (running);
    }

    private void WriteQueued()
    {
        try
        {
            while (_entries.Reader.TryRead(out var entry))
            {
                Append(entry);
            }

            Flush();
            if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
            {
                _category.LogWarning("{Dropped} access-log lines were dropped: requests came faster than the log could be written.", dropped);
            }
        }
        catch (Exception e)
        {
            // Standard output closed (the container's log driver gone), or a line that could not be written: the
            // batch is lost, the writer carries on with the next one.
            _batch.ResetWrittenCount();
            if (e is not IOException)
            {
                _category.LogError(e, "Access-log lines could not be written.");
            }
        }
    }

    private void Append(in Entry entry)
    {
        _line.ResetWrittenCount();
        if (_json)
        {
            WriteJson(entry);
        }
        else
        {
            EncodingExtensions.GetBytes(Encoding.UTF8, Message(entry, "info: " + RequestLog.Category + "[1] ").Append('\n').ToString().AsSpan(), _line);
        }

        if (_batch.WrittenCount > 0 && _batch.WrittenCount + _line.WrittenCount > BatchBytes)
        {
            Flush();
        }

        _batch.Write(_line.WrittenSpan);
    }

    private void Flush()
    {
        if (_batch.WrittenCount > 0)
        {
            _output.Write(_batch.WrittenSpan);
            _output.Flush();
            _batch.ResetWrittenCount();
        }
    }

    private void WriteJson(in Entry entry)
    {
        Span<char> text = stackalloc char[64];
        _writer.Reset(_line);
        _writer.WriteStartObject();
        _writer.WriteString("Timestamp", Format(entry.At, text));
        _writer.WriteNumber("EventId", 1);
        _writer.WriteString("LogLevel", "Information");
        _writer.WriteString("Category", RequestLog.Category);
        _writer.WriteString("Message", Message(entry, "").ToString());
        _writer.WriteStartObject("State");
        _writer.WriteString("Method", entry.Method);
        _writer.WriteString("Path", entry.Path);
        _writer.WriteNumber("Status", entry.Status);
        _writer.WriteString("DurationMs", Milliseconds(entry.DurationTicks, text));
        _writer.WriteString("Client", Client(entry.Client, text));
        _writer.WriteString("RequestId", entry.RequestId);
        if (entry.OneIn > 1)
        {
            _writer.WriteNumber("SampledOneIn", entry.OneIn);
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        _line.Write("\n"u8);
    }

    /// <summary>
    /// "GET /api/fee-list 200 0.125 ms 127.0.0.1 0HNA…:00000001", the path's control characters replaced; a sampled
    /// line ends "(1 in 100)".
    /// </summary>
    private StringBuilder Message(in Entry entry, string prefix)
    {
        Span<char> text = stackalloc char[64];
        _message.Clear().Append(prefix).Append(entry.Method).Append(' ');
        foreach (var c in entry.Path)
        {
            _message.Append(char.IsControl(c) ? '?' : c);
        }

        return _message.Append(' ').Append(entry.Status).Append(' ').Append(Milliseconds(entry.DurationTicks, text)).Append(" ms ")
            .Append(Client(entry.Client, text)).Append(' ').Append(entry.RequestId)
            .Append(entry.OneIn > 1 ? $" (1 in {entry.OneIn})" : "");
    }

    private static ReadOnlySpan<char> Format(DateTime at, Span<char> text) =>
        at.TryFormat(text, out var written, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) ? text[..written] : "";

    /// <summary>Milliseconds to the microsecond, in integers: "12.345".</summary>
    internal static ReadOnlySpan<char> Milliseconds(long ticks, Span<char> text)
    {
        var microseconds = ticks / TimeSpan.TicksPerMicrosecond;
        var written = 0;
        (microseconds / 1000).TryFormat(text, out var whole, provider: CultureInfo.InvariantCulture);
        written += whole;
        text[written++] = '.';
        (microseconds % 1000).TryFormat(text[written..], out var fraction, "000", CultureInfo.InvariantCulture);
        return text[..(written + fraction)];
    }

    private static ReadOnlySpan<char> Client(IPAddress? address, Span<char> text) =>
        address is not null && address.TryFormat(text, out var written) ? text[..written] : "unknown";

    public void Dispose()
    {
        _tick.Dispose();
        _writer.Dispose();
    }
}
