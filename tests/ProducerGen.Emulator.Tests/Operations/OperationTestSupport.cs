using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>The Apiframe catalog (with its operations) on a test emulator, and requests to its operations.</summary>
internal static class Ops
{
    public static Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null) => TestEmulator.StartAsync(o =>
    {
        o.SchemaPath = RepoFiles.Catalog;
        configure?.Invoke(o);
    });

    public static async Task<(int Status, JsonElement Body)> SendAsync(this TestEmulator t, HttpMethod method, string path, HttpContent? content = null, string? key = TestEmulator.Key, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await t.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>A multipart form: text parts, then file parts (name, file name, declared type, bytes).</summary>
    public static MultipartFormDataContent Form(IEnumerable<(string Name, string Value)> texts, IEnumerable<(string Name, string FileName, string DeclaredType, byte[] Bytes)> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in texts)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, declared, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(declared);
            form.Add(part, name, fileName);
        }

        return form;
    }

    /// <summary>A submitted job that has completed (the clock advanced past its duration).</summary>
    public static async Task<string> CompletedJobAsync(this TestEmulator t, string model, string path)
    {
        var id = await t.SubmitAsync(JsonSerializer.Serialize(new { prompt = "a lighthouse at dusk, oil painting", model }), path: path);
        t.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("COMPLETED", (await t.GetJobAsync(id)).GetProperty("status").GetString());
        return id;
    }
}

/// <summary>The first bytes of each media format the upload operation accepts (and one it does not), padded.</summary>
internal static class SampleFiles
{
    public static byte[] Png(int size = 64) => Pad([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg => Pad([0xFF, 0xD8, 0xFF, 0xE0], 64);

    public static byte[] WebP => Pad([.. "RIFF"u8, 0x20, 0, 0, 0, .. "WEBPVP8 "u8], 64);

    public static byte[] Gif => Pad("GIF89a"u8.ToArray(), 64);

    public static byte[] Mp4 => Pad([0, 0, 0, 0x18, .. "ftypisom"u8], 64);

    public static byte[] WebM => Pad([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m'], 64); // EBML header naming its DocType

    public static byte[] Mp3 => Pad("ID3"u8.ToArray(), 64);

    public static byte[] Wav => Pad([.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8], 64);

    public static byte[] Ogg => Pad("OggS"u8.ToArray(), 64);

    public static byte[] Pdf => Pad("%PDF-1.7"u8.ToArray(), 64);

    public static byte[] Named(string name) => name switch
    {
        "png" => Png(),
        "jpeg" => Jpeg,
        "webp" => WebP,
        "gif" => Gif,
        "mp4" => Mp4,
        "webm" => WebM,
        "mp3" => Mp3,
        "wav" => Wav,
        "ogg" => Ogg,
        _ => Pdf,
    };

    private static byte[] Pad(byte[] magic, int size)
    {
        var bytes = new byte[Math.Max(size, magic.Length)];
        magic.CopyTo(bytes, 0);
        for (var i = magic.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        return bytes;
    }
}
