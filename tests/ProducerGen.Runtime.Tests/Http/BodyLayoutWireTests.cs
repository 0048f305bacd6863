using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ProducerGen.Reliability.Tests;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 15, item 5, on the wire (real Kestrel on loopback): a flat JSON body sent to an expanded route, and a
/// multipart body whose text, JSON and file parts arrive with their names, file name, content type and bytes — and
/// whose retry resends all of it, also from a stream that cannot seek.
/// </summary>
public sealed class BodyLayoutWireTests
{
    private static readonly ModelDescription Flux = new("fal-ai/flux/dev", "POST", "/fal-ai/flux/dev", null);
    private static readonly ModelDescription Sora = new("sora-2", "POST", "/v1/videos", null);

    [Fact]
    public async Task A_flat_body_is_sent_as_written_to_the_expanded_route()
    {
        await using var server = await RecordingServer.StartAsync(StatusCodes.Status202Accepted);
        using var client = server.Client();

        await client.SubmitAsync(Flux, new FlatRequest { Prompt = "a fox", Steps = 4, Guidance = 3.5 });

        var request = Assert.Single(server.Requests);
        Assert.Equal("/fal-ai/flux/dev", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"prompt":"a fox","num_inference_steps":4,"guidance_scale":3.5}""", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task A_multipart_body_carries_every_part_with_its_name_and_the_file_with_its_name_type_and_bytes()
    {
        await using var server = await RecordingServer.StartAsync(StatusCodes.Status202Accepted);
        using var client = server.Client();
        var image = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("sv-SE"); // a comma decimal separator must not reach the wire
            await client.SubmitAsync(Sora, new MultipartRequest
            {
                Prompt = "waves at dusk",
                Strength = 0.35,
                Loop = true,
                Tags = ["sea", "calm"],
                Image = FileUpload.FromBytes(image, "start frame.png", "image/png"),
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        var parts = await Parts(request);
        Assert.Equal(["model", "prompt", "strength", "loop", "tags", "image"], parts.Select(p => p.Name));
        Assert.Equal("sora-2", parts[0].Text);
        Assert.Equal("waves at dusk", parts[1].Text);
        Assert.Equal("0.35", parts[2].Text);
        Assert.Equal("true", parts[3].Text);
        Assert.Null(parts[1].ContentType); // text parts carry no type, as a browser's form
        Assert.Equal("""["sea","calm"]""", parts[4].Text);
        Assert.Equal("application/json; charset=utf-8", parts[4].ContentType);
        Assert.Equal("start frame.png", parts[5].FileName);
        Assert.Equal("image/png", parts[5].ContentType);
        Assert.Equal(image, parts[5].Bytes);
    }

    [Fact]
    public async Task A_retry_resends_the_whole_multipart_body_even_from_a_stream_that_cannot_seek()
    {
        await using var server = await RecordingServer.StartAsync(StatusCodes.Status503ServiceUnavailable, StatusCodes.Status202Accepted);
        using var client = server.Client();
        var video = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        using var stream = new ForwardOnlyStream(video);

        await client.SubmitAsync(Sora, new MultipartRequest { Prompt = "waves", Image = FileUpload.FromStream(stream, "clip.mp4", "video/mp4") });

        Assert.Equal(2, server.Requests.Count);
        var (first, retry) = (server.Requests.First(), server.Requests.Last());
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.ContentType, retry.ContentType);
        Assert.Equal(first.IdempotencyKey, retry.IdempotencyKey);
        var file = (await Parts(retry)).Single(p => p.Name == "image");
        Assert.Equal(video, file.Bytes);
        Assert.Equal(1, stream.Reads); // read once, into memory; the retry sent those bytes
    }

    [Fact]
    public void An_upload_refuses_a_file_name_that_would_break_its_part_header()
    {
        Assert.Throws<ArgumentException>(() => FileUpload.FromBytes(new byte[1], "a\r\nX-Injected: 1", "image/png"));
        Assert.Throws<ArgumentException>(() => FileUpload.FromBytes(new byte[1], "a\".png", "image/png"));
        Assert.Throws<ArgumentException>(() => FileUpload.FromBytes(new byte[1], "a.png", "not a type"));
        Assert.Equal("clip.mp4", FileUpload.FromFile("/tmp/videos/clip.mp4").FileName);
        Assert.Equal(FileUpload.DefaultContentType, FileUpload.FromFile(new FileInfo("/tmp/videos/clip.mp4")).ContentType);
    }

    private static async Task<List<ReceivedPart>> Parts(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<ReceivedPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            parts.Add(new ReceivedPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                buffer.ToArray()));
        }

        return parts;
    }

    private sealed record ReceivedPart(string Name, string? FileName, string? ContentType, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    private sealed record RecordedRequest(string Path, string ContentType, string? IdempotencyKey, byte[] Body);

    /// <summary>Answers the queued statuses in turn (the last one ever after) and records every request.</summary>
    private sealed class RecordingServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private RecordingServer(WebApplication app) => _app = app;

        public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

        public static async Task<RecordingServer> StartAsync(params int[] statuses)
        {
            RecordingServer? server = null;
            var answered = 0;
            var app = await LoopbackServer.StartAsync(async ctx =>
            {
                using var body = new MemoryStream();
                await ctx.Request.Body.CopyToAsync(body);
                server!.Requests.Enqueue(new RecordedRequest(ctx.Request.Path.Value!, ctx.Request.ContentType ?? string.Empty, ctx.Request.Headers["Idempotency-Key"], body.ToArray()));
                var status = statuses[Math.Min(Interlocked.Increment(ref answered) - 1, statuses.Length - 1)];
                ctx.Response.StatusCode = status;
                if (status == StatusCodes.Status202Accepted)
                {
                    await ctx.Response.WriteAsJsonAsync(new { jobId = "job-1", status = "QUEUED" });
                }
            });
            server = new RecordingServer(app);
            return server;
        }

        public ProducerGenClient Client() => new(TestApi.Api, new ProducerGenClientOptions
        {
            ApiKey = TestApi.Key,
            BaseAddress = new Uri(_app.Urls.First()),
            Retry = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) },
        });

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    /// <summary>A flat body, as a generated request of a <c>bodyLayout: flat</c>, <c>modelMember: none</c> endpoint writes it.</summary>
    private sealed class FlatRequest : IGenerationRequest
    {
        public string Prompt { get; set; } = string.Empty;

        public long? Steps { get; set; }

        public double? Guidance { get; set; }

        public ValidationResult Validate() => ValidationResult.Valid;

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("prompt", Prompt);
            if (Steps is { } steps)
            {
                writer.WriteNumber("num_inference_steps", steps);
            }

            if (Guidance is { } guidance)
            {
                writer.WriteNumber("guidance_scale", guidance);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>A multipart request, as the generator writes one for an <c>encoding: multipart</c> endpoint.</summary>
    private sealed class MultipartRequest : IMultipartGenerationRequest
    {
        public string Prompt { get; set; } = string.Empty;

        public double? Strength { get; set; }

        public bool? Loop { get; set; }

        public IList<string>? Tags { get; set; }

        public FileUpload? Image { get; set; }

        public ValidationResult Validate() => ValidationResult.Valid;

        public void WriteJson(Utf8JsonWriter writer) => throw new InvalidOperationException("A multipart request is sent with WriteMultipart.");

        public void WriteMultipart(MultipartFormBuilder form)
        {
            form.AddText("model", "sora-2");
            form.AddText("prompt", Prompt);
            if (Strength is { } strength)
            {
                form.AddNumber("strength", strength);
            }

            if (Loop is { } loop)
            {
                form.AddBoolean("loop", loop);
            }

            if (Tags is { } tags)
            {
                var writer = form.AddJson("tags");
                writer.WriteStartArray();
                foreach (var tag in tags)
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
            }

            if (Image is { } image)
            {
                form.AddFile("image", image);
            }
        }
    }

    /// <summary>A stream that can be read once, forwards only, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private int _position;

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position == 0)
            {
                Reads++;
            }

            var n = Math.Min(count, content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
