using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed.Tests;

public sealed class HttpResponseMessageBuilder
{
    /// <summary>A PDF download whose body stops after <paramref name="first"/> until <paramref name="release"/> completes.</summary>
    public HttpResponseMessage Streaming(byte[] first, Task release, byte[] rest)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new HeldStream(first, release, rest)) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        response.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "report.pdf" };
        return response;
    }

    private sealed class HeldStream(byte[] first, Task release, byte[] rest) : Stream
    {
        private int _stage;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            switch (_stage++)
            {
                case 0:
                    first.CopyTo(buffer);
                    return first.Length;
                case 1:
                    await release.WaitAsync(cancellationToken);
                    rest.CopyTo(buffer);
                    return rest.Length;
                default:
                    return 0;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
