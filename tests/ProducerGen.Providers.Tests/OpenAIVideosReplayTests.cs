using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ProducerGen.Providers.OpenAI;
using ProducerGen.Providers.Tests.Support;
using Xunit;

namespace ProducerGen.Providers.Tests;

/// <summary>
/// The OpenAI Videos API's documented create example and SDK-typed poll bodies (Fixtures/openai-videos/SOURCES.md) replayed
/// through the client generated from schemas/providers/openai-videos.producergen.yaml.
/// </summary>
public sealed class OpenAIVideosReplayTests
{
    private const string Provider = "openai-videos";

    private static OpenAIVideosClient Client(ReplayHandler handler)
    {
        var options = new OpenAIVideosClientOptions { ApiKey = Fixture.ApiKey };
        Fixture.PollFast(options);
        return new OpenAIVideosClient(options, new HttpClient(handler));
    }

    private sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Bytes)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
    }

    private static async Task<List<FormPart>> ReadForm(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<FormPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add(new FormPart(HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, bytes.ToArray()));
        }

        return parts;
    }

    [Fact]
    public async Task The_documented_create_is_a_multipart_form_of_model_and_prompt_and_its_answer_is_a_queued_video()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "submit.response.json"));
        using var client = Client(handler);

        var job = await client.Sora2.SubmitAsync(new Sora2Request("A calico cat playing a piano on stage"));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "https://api.openai.com/v1/videos"), (sent.Method, sent.Uri.AbsoluteUri));
        Assert.Equal("Bearer " + Fixture.ApiKey, sent.Header("Authorization"));
        Assert.StartsWith("multipart/form-data", sent.ContentType, StringComparison.Ordinal);
        var parts = await ReadForm(sent);
        Assert.Equal([("model", "sora-2"), ("prompt", "A calico cat playing a piano on stage")], parts.Select(p => (p.Name, p.Text)).OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal(("video_123", "queued"), (job.Id, job.Status));
    }

    [Fact]
    public async Task A_reference_image_is_a_file_part_beside_the_string_valued_seconds_and_size()
    {
        // The SDK's own test call: create(prompt="x", input_reference=b"Example data", model="sora-2", seconds="4", size="720x1280").
        var handler = new ReplayHandler(Fixture.Ok(Provider, "submit.response.json"));
        using var client = Client(handler);
        var image = "Example data"u8.ToArray();

        await client.Sora2.SubmitAsync(new Sora2Request("x")
        {
            InputReference = FileUpload.FromBytes(image, "reference.png", "image/png"),
            Seconds = Sora2Seconds._4,
            Size = Sora2Size._720x1280,
        });

        var parts = (await ReadForm(Assert.Single(handler.Requests))).ToDictionary(p => p.Name);
        Assert.Equal(["input_reference", "model", "prompt", "seconds", "size"], parts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("4", "720x1280", "sora-2"), (parts["seconds"].Text, parts["size"].Text, parts["model"].Text));
        Assert.Equal(("reference.png", "image/png"), (parts["input_reference"].FileName, parts["input_reference"].ContentType));
        Assert.Equal(image, parts["input_reference"].Bytes);
    }

    [Fact]
    public async Task Waiting_reports_the_percentage_and_a_completed_video_offers_the_content_endpoints_variants_as_outputs()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-in-progress.json"), Fixture.Ok(Provider, "poll-completed.json"));
        using var client = Client(handler);
        var progress = new ProgressLog();

        var job = await client.Jobs.WaitAsync("video_123", progress);

        Assert.All(handler.Requests, r => Assert.Equal((HttpMethod.Get, "/v1/videos/video_123"), (r.Method, r.PathAndQuery)));
        Assert.Contains(progress.Reports, r => r.Status == "in_progress" && r.Progress == 42);
        Assert.True(job.IsSucceeded);
        Assert.Equal((100, "sora-2"), (job.Progress, job.Model));
        Assert.Equal(
            ["https://api.openai.com/v1/videos/video_123/content?variant=video", "https://api.openai.com/v1/videos/video_123/content?variant=thumbnail", "https://api.openai.com/v1/videos/video_123/content?variant=spritesheet"],
            job.GetOutputUrls().Select(u => u.AbsoluteUri));
        Assert.Equal(1712784100, job.Raw.GetProperty("expires_at").GetInt64());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1712697600), job.CreatedAt); // Unix seconds at created_at
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1712697700), job.CompletedAt);
    }

    [Fact]
    public async Task A_failed_video_reads_message_and_code_from_its_error_object()
    {
        var handler = new ReplayHandler(Fixture.Ok(Provider, "poll-failed.json"));
        using var client = Client(handler);

        var job = await client.Jobs.GetAsync("video_123");

        Assert.True(job.IsFailed);
        Assert.Equal(("failed", "<message>", "<code>"), (job.Status, job.Error, job.ErrorCode));
        Assert.Empty(job.GetOutputUrls());
    }
}
