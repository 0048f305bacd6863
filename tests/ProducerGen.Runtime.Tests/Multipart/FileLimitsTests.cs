using System;
using System.IO;
using System.Linq;
using System.Net;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 17: upload limits — size (never reading past it), type (from the bytes), total of repeated parts.</summary>
public sealed class FileLimitsTests
{
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Png(int length) => PngHead.Concat(new byte[Math.Max(0, length - PngHead.Length)]).ToArray();

    private static (ProducerGenClient Client, FakeHttpHandler Handler) Start()
    {
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Responses.Json(HttpStatusCode.Accepted, """{"id":"l1","status":"PENDING"}"""));
        return (TestApi.Client(handler, time), handler);
    }

    /// <summary>An endless stream of PNG-looking bytes that counts what was read from it.</summary>
    private sealed class HugeStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < PngHead.Length ? PngHead[BytesRead + i] : (byte)0;
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task An_oversize_stream_is_refused_without_being_read_past_the_limit()
    {
        var (client, handler) = Start();
        var stream = new HugeStream();
        using (client)
        {
            var request = new UploadRequest { Cover = FileUpload.FromStream(stream, "huge.png"), CoverLimits = new FileLimits(maxBytes: 1000) };
            var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.SendOperationAsync(Ops.Train, [], request));

            var violation = Assert.Single(error.Errors);
            Assert.Equal("cover", violation.Path);
            Assert.Contains("1000 bytes", violation.Message, StringComparison.Ordinal);
        }

        Assert.InRange(stream.BytesRead, 1, 1001);
        Assert.Empty(handler.RequestList);
    }

    [Fact]
    public async Task A_file_at_its_limit_is_sent_whole()
    {
        var (client, handler) = Start();
        using (client)
        {
            var request = new UploadRequest { Cover = FileUpload.FromStream(new MemoryStream(Png(1000)), "ok.png"), CoverLimits = new FileLimits(maxBytes: 1000) };
            await client.SendOperationAsync(Ops.Train, [], request);
        }

        var sent = Assert.Single(handler.RequestList);
        Assert.True(sent.Body!.Length > 1000);
        Assert.Contains("Content-Type: image/png", sent.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_on_disk_over_its_limit_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pg-limit-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, Png(5000));
        try
        {
            var (client, handler) = Start();
            using (client)
            {
                var request = new UploadRequest { Cover = FileUpload.FromFile(path), CoverLimits = new FileLimits(maxBytes: 4999) };
                await Assert.ThrowsAsync<RequestValidationException>(() => client.SendOperationAsync(Ops.Train, [], request));
            }

            Assert.Empty(handler.RequestList);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_file_of_a_type_not_accepted_is_refused_whatever_it_declares()
    {
        var (client, handler) = Start();
        using (client)
        {
            var gif = "GIF89a"u8.ToArray().Concat(new byte[10]).ToArray();
            var request = new UploadRequest { Cover = FileUpload.FromBytes(gif, "cover.png", "image/png"), CoverLimits = new FileLimits(contentTypes: ["image/png", "image/jpeg"]) };
            var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.SendOperationAsync(Ops.Train, [], request));

            var violation = Assert.Single(error.Errors);
            Assert.Equal("cover", violation.Path);
            Assert.Contains("image/png, image/jpeg", violation.Message, StringComparison.Ordinal);
            Assert.Contains("image/gif", violation.Message, StringComparison.Ordinal);
        }

        Assert.Empty(handler.RequestList);
    }

    [Fact]
    public async Task A_type_wildcard_accepts_the_kind()
    {
        var (client, handler) = Start();
        using (client)
        {
            var request = new UploadRequest { Cover = FileUpload.FromBytes(Png(20), "c.png"), CoverLimits = new FileLimits(contentTypes: ["image/*"]) };
            await client.SendOperationAsync(Ops.Train, [], request);
        }

        Assert.Single(handler.RequestList);
    }

    [Fact]
    public async Task A_limit_per_type_replaces_the_file_limit()
    {
        var (client, handler) = Start();
        using (client)
        {
            var limits = new FileLimits(maxBytes: 100, maxBytesByType: new System.Collections.Generic.Dictionary<string, long> { ["image/png"] = 50 });
            var request = new UploadRequest { Cover = FileUpload.FromBytes(Png(80), "c.png"), CoverLimits = limits };
            var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.SendOperationAsync(Ops.Train, [], request));
            Assert.Contains("50 bytes for image/png", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
        }

        Assert.Empty(handler.RequestList);
    }

    [Fact]
    public async Task Repeated_parts_over_their_total_are_refused_and_each_file_is_named()
    {
        var (client, handler) = Start();
        using (client)
        {
            var request = new UploadRequest { EachImage = new FileLimits(maxBytes: 100), MaxTotal = 250 };
            request.Images.Add(FileUpload.FromBytes(Png(100), "1.png"));
            request.Images.Add(FileUpload.FromBytes(Png(101), "2.png"));
            request.Images.Add(FileUpload.FromBytes(Png(100), "3.png"));
            request.Images.Add(FileUpload.FromBytes(Png(100), "4.png"));
            var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.SendOperationAsync(Ops.Train, [], request));

            Assert.Equal(["images[1]", "images"], error.Errors.Select(e => e.Path));
            Assert.Contains("250 bytes", error.Errors[1].Message, StringComparison.Ordinal);
        }

        Assert.Empty(handler.RequestList);
    }

    [Fact]
    public async Task Repeated_parts_within_their_limits_are_all_sent_under_one_name()
    {
        var (client, handler) = Start();
        using (client)
        {
            var request = new UploadRequest { EachImage = new FileLimits(maxBytes: 100, contentTypes: ["image/png"]), MaxTotal = 300 };
            request.Images.Add(FileUpload.FromBytes(Png(100), "1.png"));
            request.Images.Add(FileUpload.FromStream(new MemoryStream(Png(100)), "2.png"));
            request.Images.Add(FileUpload.FromBytes(Png(100), "3.png", "image/x-custom"));
            await client.SendOperationAsync(Ops.Train, [], request);
        }

        var body = Assert.Single(handler.RequestList).BodyText;
        Assert.Equal(3, body.Split("name=\"images\"").Length - 1);
        Assert.Contains("Content-Type: image/x-custom", body, StringComparison.Ordinal); // a declared type is kept
    }
}
