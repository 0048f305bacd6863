using System;

namespace ProducerGen.Apiframe.Tests.Contract;

/// <summary>A real 1×1 PNG (signature, IHDR, IDAT, IEND), 70 bytes.</summary>
internal static class TinyPng
{
    public static readonly byte[] Bytes = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
