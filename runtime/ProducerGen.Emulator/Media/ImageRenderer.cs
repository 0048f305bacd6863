using ProducerGen.Emulator.Jobs;
using SkiaSharp;

namespace ProducerGen.Emulator.Media;

/// <summary>
/// Draws the emulator's pictures with SkiaSharp: a seeded gradient with soft shapes for generated images, and for edits,
/// upscales and background removals a picture derived from the input (its decoded pixels when the emulator holds them,
/// else a picture seeded by its URL). Same inputs, same bytes.
/// </summary>
internal static class ImageRenderer
{
    /// <summary>A generated picture of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] Generate(ulong seed, int width, int height, ImageFormat format)
    {
        using var surface = Surface(width, height);
        Paint(surface.Canvas, seed, width, height);
        using var image = surface.Snapshot();
        return ImageFormats.Encode(image, format);
    }

    /// <summary>The input, redrawn at the plan's size and changed by <paramref name="seed"/> (an edit).</summary>
    public static byte[] Edit(MediaPlan plan, ulong seed)
    {
        using var surface = Surface(plan.Width, plan.Height);
        var canvas = surface.Canvas;
        DrawInput(canvas, plan);
        // The edit: a seeded translucent shape and a tint over part of the picture.
        var rng = new DeterministicRandom(seed);
        using var paint = new SKPaint { IsAntialias = true, Color = Colour(rng, 0.55) };
        var rect = SKRect.Create((float)(rng.NextDouble() * plan.Width * 0.5), (float)(rng.NextDouble() * plan.Height * 0.5), plan.Width * 0.45f, plan.Height * 0.45f);
        canvas.DrawRoundRect(rect, plan.Width * 0.05f, plan.Width * 0.05f, paint);
        Shapes(canvas, rng, plan.Width, plan.Height, 3);
        using var image = surface.Snapshot();
        return ImageFormats.Encode(image, plan.Format);
    }

    /// <summary>The input resampled to the plan's (larger) size.</summary>
    public static byte[] Upscale(MediaPlan plan)
    {
        using var surface = Surface(plan.Width, plan.Height);
        DrawInput(surface.Canvas, plan);
        using var image = surface.Snapshot();
        return ImageFormats.Encode(image, plan.Format);
    }

    /// <summary>
    /// The input's subject (a seeded blob around the centre) on a transparent background: a PNG whose corners are fully
    /// transparent and whose centre is opaque. A JPEG, when asked for, has no alpha: the background is white.
    /// </summary>
    public static byte[] RemoveBackground(MediaPlan plan, ulong seed)
    {
        using var surface = Surface(plan.Width, plan.Height);
        var canvas = surface.Canvas;
        canvas.Clear(plan.Format == ImageFormat.Png ? SKColors.Transparent : SKColors.White);
        var rng = new DeterministicRandom(seed);
        var cx = plan.Width / 2f;
        var cy = plan.Height / 2f;
        var radius = Math.Min(plan.Width, plan.Height) * 0.32f;
        const int Points = 24;
        var outline = new SKPoint[Points];
        for (var i = 0; i < Points; i++)
        {
            var angle = i * 2 * Math.PI / Points;
            var r = radius * (0.8 + (0.3 * rng.NextDouble()));
            outline[i] = new SKPoint(cx + (float)(r * Math.Cos(angle)), cy + (float)(r * Math.Sin(angle)));
        }

        using var builder = new SKPathBuilder();
        builder.AddPoly(outline, close: true);
        using var subject = builder.Detach();
        canvas.Save();
        canvas.ClipPath(subject, antialias: true);
        DrawInput(canvas, plan);
        canvas.Restore();
        using var image = surface.Snapshot();
        return ImageFormats.Encode(image, plan.Format);
    }

    private static SKSurface Surface(int width, int height) =>
        SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
        ?? throw new InvalidOperationException($"SkiaSharp could not create a {width}x{height} surface");

    /// <summary>The input scaled to fill the canvas: its pixels when held (an upload), else a picture seeded by its URL.</summary>
    private static void DrawInput(SKCanvas canvas, MediaPlan plan)
    {
        var target = SKRect.Create(plan.Width, plan.Height);
        if (plan.Input is { } bytes && SKImage.FromEncodedData(bytes) is { } decoded)
        {
            using (decoded)
            {
                canvas.DrawImage(decoded, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
            }

            return;
        }

        var urlSeed = UrlSeed(plan.InputUrl ?? string.Empty);
        canvas.Save();
        canvas.Scale(plan.Width / (float)MediaPlan.UnknownInputSide, plan.Height / (float)MediaPlan.UnknownInputSide);
        Paint(canvas, urlSeed, MediaPlan.UnknownInputSide, MediaPlan.UnknownInputSide);
        canvas.Restore();
    }

    private static void Paint(SKCanvas canvas, ulong seed, int width, int height)
    {
        var rng = new DeterministicRandom(seed);
        using (var background = new SKPaint())
        {
            var angle = rng.NextDouble() * Math.PI;
            var dx = (float)(Math.Cos(angle) * width / 2);
            var dy = (float)(Math.Sin(angle) * height / 2);
            using var shader = SKShader.CreateLinearGradient(
                new SKPoint((width / 2f) - dx, (height / 2f) - dy),
                new SKPoint((width / 2f) + dx, (height / 2f) + dy),
                [Colour(rng, 1), Colour(rng, 1), Colour(rng, 1)],
                SKShaderTileMode.Clamp);
            background.Shader = shader;
            canvas.DrawRect(SKRect.Create(width, height), background);
        }

        Shapes(canvas, rng, width, height, 6 + rng.Next(6));
    }

    private static void Shapes(SKCanvas canvas, DeterministicRandom rng, int width, int height, int count)
    {
        var unit = Math.Min(width, height);
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < count; i++)
        {
            var x = (float)(rng.NextDouble() * width);
            var y = (float)(rng.NextDouble() * height);
            var size = (float)((0.05 + (rng.NextDouble() * 0.3)) * unit);
            var inner = Colour(rng, 0.35 + (rng.NextDouble() * 0.5));
            using var shader = SKShader.CreateRadialGradient(new SKPoint(x, y), size, [inner, inner.WithAlpha(0)], SKShaderTileMode.Clamp);
            paint.Shader = shader;
            switch (rng.Next(3))
            {
                case 0:
                    canvas.DrawCircle(x, y, size, paint);
                    break;
                case 1:
                    canvas.DrawRect(SKRect.Create(x - size, y - size, size * 2, size * 2), paint);
                    break;
                default:
                    paint.Shader = null;
                    paint.Color = inner;
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = size * 0.15f;
                    canvas.DrawCircle(x, y, size * 0.8f, paint);
                    paint.Style = SKPaintStyle.Fill;
                    break;
            }
        }
    }

    private static SKColor Colour(DeterministicRandom rng, double alpha) =>
        SKColor.FromHsl((float)(rng.NextDouble() * 360), 45 + (float)(rng.NextDouble() * 40), 30 + (float)(rng.NextDouble() * 40), (byte)Math.Round(alpha * 255));

    private static ulong UrlSeed(string url)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url));
        return BitConverter.ToUInt64(hash, 0);
    }
}
