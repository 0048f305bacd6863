using ProducerGen.Emulator.Jobs;
using SkiaSharp;

namespace ProducerGen.Emulator.Media.Video;

/// <summary>
/// The pictures of a clip: a seeded diagonal gradient that slides one tile per loop and a disc that orbits the centre.
/// The motion repeats once a second and is drawn as at most <see cref="MaxPicturesPerLoop"/> distinct pictures, so a
/// clip costs at most that many encoded pictures whatever its length; frame <c>i</c> shows <see cref="PictureOf"/>.
/// </summary>
internal sealed class FramePattern
{
    private readonly SKColor _from;
    private readonly SKColor _to;
    private readonly SKColor _disc;
    private readonly float _angle;
    private readonly float _orbitPhase;
    private readonly int _width;
    private readonly int _height;

    /// <summary>Distinct pictures per loop: 12 (animation "on twos" at 24 fps), fewer when the frame rate is lower.</summary>
    public const int MaxPicturesPerLoop = 12;

    public FramePattern(int width, int height, int framesPerSecond, ulong seed)
    {
        var random = new DeterministicRandom(DeterministicRandom.Mix(seed ^ 0x766964656FUL));
        var hue = (float)(random.NextDouble() * 360);
        _from = SKColor.FromHsl(hue, 70, 45);
        _to = SKColor.FromHsl((hue + 60 + (float)(random.NextDouble() * 180)) % 360, 70, 25);
        _disc = SKColor.FromHsl((hue + 180) % 360, 80, 70);
        _angle = (float)(random.NextDouble() * Math.PI * 2);
        _orbitPhase = (float)(random.NextDouble() * Math.PI * 2);
        _width = width;
        _height = height;
        LoopFrames = framesPerSecond;
        Pictures = Math.Min(MaxPicturesPerLoop, framesPerSecond);
    }

    /// <summary>Frames per loop of the motion (one second).</summary>
    public int LoopFrames { get; }

    /// <summary>Distinct pictures per loop.</summary>
    public int Pictures { get; }

    /// <summary>The picture (0 to <see cref="Pictures"/> - 1) that frame <paramref name="frame"/> shows.</summary>
    public int PictureOf(int frame) => (int)((long)(frame % LoopFrames) * Pictures / LoopFrames);

    /// <summary>Draws picture <paramref name="picture"/> of the loop onto an opaque canvas.</summary>
    public void Draw(SKCanvas canvas, int picture)
    {
        var phase = (float)picture / Pictures;
        var tile = Math.Max(_width, _height) / 2f;
        var dx = MathF.Cos(_angle) * tile;
        var dy = MathF.Sin(_angle) * tile;
        var start = new SKPoint(dx * phase, dy * phase);
        var end = new SKPoint(start.X + dx, start.Y + dy);
        using (var shader = SKShader.CreateLinearGradient(start, end, [_from, _to], SKShaderTileMode.Mirror))
        using (var paint = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, _width, _height, paint);
        }

        var theta = _orbitPhase + (phase * MathF.PI * 2);
        var radius = Math.Max(2f, Math.Min(_width, _height) / 8f);
        var cx = (_width / 2f) + (MathF.Cos(theta) * (_width / 2f - radius * 1.5f));
        var cy = (_height / 2f) + (MathF.Sin(theta) * (_height / 2f - radius * 1.5f));
        using var disc = new SKPaint { Color = _disc, IsAntialias = true };
        canvas.DrawCircle(cx, cy, radius, disc);
    }
}
