namespace ProducerGen.AspNetCore.Tests.Support;

/// <summary>Stands in for a generated client's options type (e.g. <c>ApiframeClientOptions</c>).</summary>
public sealed class TestClientOptions : ProducerGenClientOptions
{
}
