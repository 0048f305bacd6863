using Apiframe.Catalog;
using Xunit;

namespace ProducerGen.Apiframe.Tests;

/// <summary>The shipped schema generates one client for the whole API.</summary>
public class ShippedSchemaTests
{
    [Fact]
    public void The_client_describes_the_provider_of_the_shipped_schema()
    {
        Assert.Equal("Apiframe", ApiframeClient.Description.Name);
        Assert.Equal(new System.Uri("https://api.apiframe.ai"), ApiframeClient.Description.DefaultBaseAddress);
    }
}
