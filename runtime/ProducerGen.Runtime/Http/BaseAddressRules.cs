using System;

namespace ProducerGen;

/// <summary>The rules a base address must follow: absolute, https (plain http only for loopback hosts).</summary>
internal static class BaseAddressRules
{
    public static Uri Validate(Uri baseAddress, string apiName)
    {
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address of the {apiName} client must be absolute (was '{baseAddress.OriginalString}').", nameof(baseAddress));
        }

        if (baseAddress.Scheme == Uri.UriSchemeHttps)
        {
            return baseAddress;
        }

        if (baseAddress.Scheme == Uri.UriSchemeHttp)
        {
            if (baseAddress.IsLoopback)
            {
                return baseAddress;
            }

            throw new ArgumentException(
                $"The base address of the {apiName} client, {baseAddress.GetLeftPart(UriPartial.Authority)}, uses plain http://, which would send the API key unencrypted. Use https:// (plain http:// is allowed only for loopback hosts such as localhost or 127.0.0.1).",
                nameof(baseAddress));
        }

        throw new ArgumentException($"The base address of the {apiName} client must use https:// (was '{baseAddress.Scheme}://').", nameof(baseAddress));
    }
}
