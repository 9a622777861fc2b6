using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace PricingApi.Operations;

/// <summary>
/// On SIGTERM Kestrel cancels the pending read of each connection's request body, and the JSON reader takes the
/// cancelled read for a failure: a client uploading at that moment got a 500 and the log an error. Requests in flight
/// are meant to have <c>Hosting:ShutdownTimeoutSeconds</c> to finish, so the body reader JSON endpoints read from
/// ignores a cancellation that neither the endpoint nor the client asked for and keeps reading: the upload completes
/// and the request is answered as usual (with <c>Connection: close</c>). What the grace period does not cover, Kestrel
/// still cuts off when it expires. Bodies read as a stream (a workbook upload) are not wrapped; their cancelled read is
/// answered 503 by <see cref="ShutdownExceptionHandler"/>.
/// </summary>
public static class ShutdownTolerantBody
{
    public static IApplicationBuilder UseShutdownTolerantBodies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Requests without a body (most of them: every GET) are left alone, at the cost of one header check.
            if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                context.Features.Set<IRequestBodyPipeFeature>(new Feature(new Reader(context.Request.BodyReader)));
            }

            return next(context);
        });

    private sealed class Feature(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    private sealed class Reader(PipeReader inner) : PipeReader
    {
        private int _cancelRequested;

        public override void CancelPendingRead()
        {
            Interlocked.Exchange(ref _cancelRequested, 1);
            inner.CancelPendingRead();
        }

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var read = inner.ReadAsync(cancellationToken);
            return read.IsCompletedSuccessfully ? new ValueTask<ReadResult>(Keep(read.Result)) : Awaited(read);
        }

        private async ValueTask<ReadResult> Awaited(ValueTask<ReadResult> read) => Keep(await read);

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }

            result = Keep(result);
            return true;
        }

        /// <summary>A cancelled read nobody here asked for is an ordinary read of what has arrived so far.</summary>
        private ReadResult Keep(ReadResult result) =>
            result.IsCanceled && Interlocked.Exchange(ref _cancelRequested, 0) == 0
                ? new ReadResult(result.Buffer, isCanceled: false, result.IsCompleted)
                : result;

        public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }
}
