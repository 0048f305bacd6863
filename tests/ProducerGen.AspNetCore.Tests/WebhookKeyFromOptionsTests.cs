using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProducerGen.AspNetCore.Tests.Support;
using Xunit;

namespace ProducerGen.AspNetCore.Tests;

/// <summary>Over real loopback HTTP: the endpoint's API key comes from the client's options (or the schema's environment variable).</summary>
public sealed class WebhookKeyFromOptionsTests
{
    private const string ApiKey = "afk_webhook_options_test_key";

    private static Task<WebhookTestHost> StartAsync(Action<IServiceCollection> services, string? optionsName = null, ApiDescription? api = null) =>
        WebhookTestHost.StartAsync(
            app => app.MapProducerGenWebhook<TestClientOptions>(WebhookTestHost.Path, api ?? WebhookTestHost.Api(), (_, _, _) => Task.CompletedTask, optionsName),
            builder => services(builder.Services));

    [Fact]
    public async Task The_key_configured_for_the_client_options_verifies_deliveries()
    {
        await using var host = await StartAsync(s => s.Configure<TestClientOptions>(o => o.ApiKey = ApiKey));

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await host.PostAsync(WebhookTestHost.Body(jobId: "j2"), "afk_someone_else"));
    }

    [Fact]
    public async Task Named_options_give_the_key_of_that_client_only()
    {
        await using var host = await StartAsync(
            s => s.Configure<TestClientOptions>(o => o.ApiKey = "afk_default_account").Configure<TestClientOptions>("second", o => o.ApiKey = ApiKey),
            optionsName: "second");

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await host.PostAsync(WebhookTestHost.Body(jobId: "j2"), "afk_default_account"));
    }

    [Fact]
    public async Task A_key_rotated_in_reloaded_configuration_is_honoured_without_a_restart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ApiKey"] = "afk_old_key" }).Build();
        await using var host = await StartAsync(s => s.Configure<TestClientOptions>(configuration));
        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(jobId: "before"), "afk_old_key"));

        configuration["ApiKey"] = ApiKey;
        configuration.Reload();

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(jobId: "after"), ApiKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await host.PostAsync(WebhookTestHost.Body(jobId: "after-old"), "afk_old_key"));
    }

    [Fact]
    public async Task A_reload_that_loses_the_key_keeps_the_previous_one()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ApiKey"] = ApiKey }).Build();
        await using var host = await StartAsync(s => s.Configure<TestClientOptions>(configuration));

        configuration["ApiKey"] = "";
        configuration.Reload();

        Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));
    }

    [Fact]
    public async Task Without_a_configured_key_the_schemas_environment_variable_gives_it()
    {
        var variable = "PRODUCERGEN_WEBHOOK_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, ApiKey);
        try
        {
            await using var host = await StartAsync(_ => { }, api: WebhookTestHost.Api(variable));

            Assert.Equal(HttpStatusCode.OK, await host.PostAsync(WebhookTestHost.Body(), ApiKey));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Mapping_without_any_key_fails_at_startup_naming_the_options_type_and_the_environment_variable()
    {
        var variable = "PRODUCERGEN_WEBHOOK_UNSET_" + Guid.NewGuid().ToString("N");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(_ => { }, api: WebhookTestHost.Api(variable)));

        Assert.Contains(nameof(TestClientOptions) + ".ApiKey", exception.Message, StringComparison.Ordinal);
        Assert.Contains(variable, exception.Message, StringComparison.Ordinal);
        Assert.Contains(WebhookTestHost.Path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_options_are_taken_from_the_container_under_the_same_name()
    {
        await using var host = await StartAsync(s => s
            .Configure<TestClientOptions>(o => o.ApiKey = ApiKey)
            .Configure<ProducerGenWebhookOptions>(o => o.MaxBodyBytes = 64));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await host.PostAsync(WebhookTestHost.Body(), ApiKey));
    }
}
