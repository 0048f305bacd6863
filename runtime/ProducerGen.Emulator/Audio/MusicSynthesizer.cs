using System.Buffers.Binary;
using ProducerGen.Emulator.Jobs;

namespace ProducerGen.Emulator.Audio;

/// <summary>What a track is synthesized from; every field feeds the result deterministically.</summary>
/// <param name="Seed">The composition seed (from the request and, without a <c>seed</c> param, the job).</param>
/// <param name="Prompt">The prompt; a few mood words steer tempo and scale.</param>
/// <param name="Instrumental">True leaves out the vocal layer.</param>
/// <param name="Lyrics">Lyrics; their words shape the vocal rhythm.</param>
/// <param name="Weirdness">0..1: more chromatic notes and detuning.</param>
/// <param name="SoundStrength">0..1: drum level.</param>
internal sealed record TrackRecipe(ulong Seed, string Prompt, bool Instrumental, string? Lyrics, double Weirdness, double SoundStrength);

/// <summary>
/// Synthesizes a short piece of music as a WAV file (16-bit PCM, mono, 22050 Hz): chords, a bass line, drums, and a
/// vocal-like lead (or, when instrumental, a plucked arpeggio), all chosen by a seeded PRNG. Same recipe, same bytes.
/// </summary>
internal static class MusicSynthesizer
{
    public const int SampleRate = 22050;
    public const double DurationSeconds = 4.0;
    public const int SampleCount = (int)(SampleRate * DurationSeconds);

    private static readonly int[] Major = [0, 2, 4, 5, 7, 9, 11];
    private static readonly int[] Minor = [0, 2, 3, 5, 7, 8, 10];
    private static readonly int[] Dorian = [0, 2, 3, 5, 7, 9, 10];
    private static readonly int[][] Progressions = [[0, 4, 5, 3], [0, 5, 3, 4], [0, 3, 4, 4], [5, 3, 0, 4], [0, 2, 3, 4], [0, 3, 0, 4]];

    public static byte[] RenderWav(TrackRecipe recipe)
    {
        var samples = Render(recipe);
        return WavFile.Encode(samples, SampleRate);
    }

    public static short[] Render(TrackRecipe recipe)
    {
        var rng = new DeterministicRandom(recipe.Seed);
        var prompt = recipe.Prompt.ToUpperInvariant();
        var bpm = 96 + rng.Next(36);
        if (ContainsAny(prompt, "UPBEAT", "FAST", "DRIVING", "DANCE", "ENERGETIC", "PUNK", "TECHNO", "SYNTHWAVE"))
        {
            bpm += 16;
        }

        if (ContainsAny(prompt, "LO-FI", "LOFI", "CHILL", "SLOW", "AMBIENT", "MELLOW", "CALM"))
        {
            bpm -= 22;
        }

        var scale = ContainsAny(prompt, "SAD", "DARK", "MINOR", "EPIC", "CINEMATIC", "MELANCHOLIC")
            ? Minor
            : ContainsAny(prompt, "HAPPY", "BRIGHT", "UPBEAT", "POP", "SUNNY") ? Major : rng.Pick([Major, Minor, Dorian]);
        var root = 40 + rng.Next(8); // E2..B2
        var progression = rng.Pick(Progressions);
        var beat = 60.0 / bpm;
        var chordLength = 2 * beat;
        var weird = Math.Clamp(recipe.Weirdness, 0, 1);
        var drums = 0.35 + (0.65 * Math.Clamp(recipe.SoundStrength, 0, 1));
        var detune = 1 + (weird * 0.012);

        var mix = new double[SampleCount];

        // Chords: soft sine triads an octave above the bass, one chord every two beats.
        for (var c = 0; c * chordLength < DurationSeconds; c++)
        {
            var degree = progression[c % progression.Length];
            var start = c * chordLength;
            foreach (var third in new[] { 0, 2, 4 })
            {
                var note = root + 12 + Degree(scale, degree + third);
                AddTone(mix, start, chordLength, Frequency(note), 0.07, attack: 0.08, release: 0.25, Waveform.Sine);
                AddTone(mix, start, chordLength, Frequency(note) * detune, 0.03, attack: 0.08, release: 0.25, Waveform.Sine);
            }
        }

        // Bass: the chord's root on every beat, a softened saw with a plucky decay.
        for (var b = 0; b * beat < DurationSeconds; b++)
        {
            var degree = progression[(int)(b * beat / chordLength) % progression.Length];
            var note = root + Degree(scale, degree) + (b % 4 == 3 && rng.NextDouble() < 0.5 ? 12 : 0);
            AddTone(mix, b * beat, beat * 0.9, Frequency(note), 0.22, attack: 0.005, release: 0.05, Waveform.Saw, decay: 5);
        }

        // Drums: a kick on the beats, a snare-ish noise burst on 2 and 4, hats on the off-beats.
        var noise = new DeterministicRandom(DeterministicRandom.Mix(recipe.Seed ^ 0xD2D2));
        for (var b = 0; b * beat < DurationSeconds; b++)
        {
            AddKick(mix, b * beat, 0.55 * drums);
            if (b % 2 == 1)
            {
                AddNoise(mix, noise, b * beat, 0.12, 0.18 * drums, decay: 28);
            }

            AddNoise(mix, noise, (b + 0.5) * beat, 0.04, 0.06 * drums, decay: 90);
        }

        if (!recipe.Instrumental)
        {
            AddVocal(mix, rng, recipe.Lyrics, scale, root, progression, beat, chordLength, weird);
        }
        else
        {
            // An arpeggio stands in for the voice.
            var step = beat / 2;
            for (var i = 0; i * step < DurationSeconds; i++)
            {
                var degree = progression[(int)(i * step / chordLength) % progression.Length];
                var note = root + 24 + Degree(scale, degree + (2 * (i % 3)));
                AddTone(mix, i * step, step, Frequency(note), 0.09, attack: 0.003, release: 0.05, Waveform.Triangle, decay: 9);
            }
        }

        return Master(mix);
    }

    private static void AddVocal(double[] mix, DeterministicRandom rng, string? lyrics, int[] scale, int root, int[] progression, double beat, double chordLength, double weird)
    {
        // Syllable lengths follow the lyrics' words (longer words, longer notes); without lyrics, the PRNG's.
        var words = (lyrics ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var position = rng.Next(4);
        var t = beat * (rng.Next(2) + 0.5);
        var w = 0;
        while (t < DurationSeconds - 0.2)
        {
            var length = words.Length > 0
                ? beat * (words[w++ % words.Length].Length > 5 ? 1.0 : 0.5)
                : beat * rng.Pick(new[] { 0.5, 0.5, 1.0, 1.5 });
            var chord = progression[(int)(t / chordLength) % progression.Length];
            position = Math.Clamp(position + rng.Pick(new[] { -2, -1, -1, 0, 1, 1, 2 }), -2, 8);
            var note = root + 24 + Degree(scale, chord + position);
            if (rng.NextDouble() < weird * 0.4)
            {
                note += rng.Pick(new[] { -1, 1, 6 });
            }

            AddVoice(mix, t, length * 0.92, Frequency(note), 0.16);
            t += length;
            if (rng.NextDouble() < 0.2)
            {
                t += beat / 2; // a breath
            }
        }
    }

    private enum Waveform
    {
        Sine,
        Saw,
        Triangle,
    }

    private static void AddTone(double[] mix, double start, double length, double frequency, double amplitude, double attack, double release, Waveform waveform, double decay = 0)
    {
        var first = (int)(start * SampleRate);
        var count = (int)((length + release) * SampleRate);
        for (var i = 0; i < count && first + i < mix.Length; i++)
        {
            var time = (double)i / SampleRate;
            var envelope = Envelope(time, length, attack, release) * (decay > 0 ? Math.Exp(-decay * time) : 1);
            var phase = 2 * Math.PI * frequency * time;
            var value = waveform switch
            {
                Waveform.Saw => (Math.Sin(phase) - (Math.Sin(2 * phase) / 2) + (Math.Sin(3 * phase) / 3) - (Math.Sin(4 * phase) / 4) + (Math.Sin(5 * phase) / 5)) * 0.6,
                Waveform.Triangle => Math.Sin(phase) - (Math.Sin(3 * phase) / 9) + (Math.Sin(5 * phase) / 25),
                _ => Math.Sin(phase),
            };
            mix[first + i] += amplitude * envelope * value;
        }
    }

    private static void AddVoice(double[] mix, double start, double length, double frequency, double amplitude)
    {
        // A sung-vowel imitation: a few harmonics with vowel-like weights and a delayed vibrato.
        var first = (int)(start * SampleRate);
        var count = (int)((length + 0.08) * SampleRate);
        var phase = 0.0;
        for (var i = 0; i < count && first + i < mix.Length; i++)
        {
            var time = (double)i / SampleRate;
            var vibrato = 1 + (0.006 * Math.Sin(2 * Math.PI * 5.5 * time) * Math.Min(1, time / 0.25));
            phase += 2 * Math.PI * frequency * vibrato / SampleRate;
            var value = Math.Sin(phase) + (0.5 * Math.Sin(2 * phase)) + (0.3 * Math.Sin(3 * phase)) + (0.12 * Math.Sin(4 * phase));
            mix[first + i] += amplitude * Envelope(time, length, 0.04, 0.08) * value * 0.5;
        }
    }

    private static void AddKick(double[] mix, double start, double amplitude)
    {
        var first = (int)(start * SampleRate);
        var phase = 0.0;
        for (var i = 0; i < SampleRate / 4 && first + i < mix.Length; i++)
        {
            var time = (double)i / SampleRate;
            var frequency = 45 + (90 * Math.Exp(-time * 30));
            phase += 2 * Math.PI * frequency / SampleRate;
            mix[first + i] += amplitude * Math.Exp(-time * 14) * Math.Sin(phase);
        }
    }

    private static void AddNoise(double[] mix, DeterministicRandom noise, double start, double length, double amplitude, double decay)
    {
        var first = (int)(start * SampleRate);
        var previous = 0.0;
        for (var i = 0; i < length * SampleRate && first + i < mix.Length; i++)
        {
            var time = (double)i / SampleRate;
            var white = (noise.NextDouble() * 2) - 1;
            var bright = white - previous; // a crude high-pass
            previous = white;
            mix[first + i] += amplitude * Math.Exp(-time * decay) * bright * 0.5;
        }
    }

    private static double Envelope(double time, double length, double attack, double release)
    {
        if (time < attack)
        {
            return time / attack;
        }

        return time <= length ? 1 : Math.Max(0, 1 - ((time - length) / release));
    }

    private static short[] Master(double[] mix)
    {
        var samples = new short[mix.Length];
        var fadeIn = SampleRate / 100;
        var fadeOut = (int)(SampleRate * 0.3);
        for (var i = 0; i < mix.Length; i++)
        {
            var gain = Math.Min(1, Math.Min((double)i / fadeIn, (double)(mix.Length - 1 - i) / fadeOut));
            var value = Math.Tanh(mix[i] * 1.2) * 0.85 * gain;
            samples[i] = (short)Math.Round(value * short.MaxValue);
        }

        return samples;
    }

    private static int Degree(int[] scale, int degree)
    {
        var octave = (int)Math.Floor(degree / (double)scale.Length);
        var index = degree - (octave * scale.Length);
        return scale[index] + (12 * octave);
    }

    private static double Frequency(int midiNote) => 440.0 * Math.Pow(2, (midiNote - 69) / 12.0);

    private static bool ContainsAny(string text, params string[] words) => words.Any(text.Contains);
}

/// <summary>Writes 16-bit PCM mono WAV files.</summary>
internal static class WavFile
{
    public const int HeaderSize = 44;

    public static byte[] Encode(short[] samples, int sampleRate)
    {
        var dataLength = samples.Length * 2;
        var bytes = new byte[HeaderSize + dataLength];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataLength);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataLength);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderSize + (2 * i))..], samples[i]);
        }

        return bytes;
    }
}
