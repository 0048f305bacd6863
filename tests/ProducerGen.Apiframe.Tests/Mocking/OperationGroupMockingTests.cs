using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using NSubstitute;
using ProducerGen.Apiframe.Tests.Mocking.UserCode;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Mocking;

/// <summary>Operation groups substituted under user code: a plain answer, a long-running resource and a paged list.</summary>
public sealed class OperationGroupMockingTests
{
    [Theory]
    [InlineData(120, 100, true)]
    [InlineData(80, 100, false)]
    public async Task A_substituted_group_answers_with_an_object_initializer_built_answer(long balance, long needed, bool affordable)
    {
        var client = Substitute.For<ApiframeClient>();
        var account = Substitute.For<AccountClient>();
        client.Account.Returns(account);
        account.GetAsync(Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new Account { Team = new AccountTeam { Credits = balance, Name = "Studio" } });

        Assert.Equal(affordable, await new CreditGuard(client).CanAffordAsync(needed));
    }

    [Fact]
    public async Task A_substituted_resource_operation_is_waited_on_by_user_code()
    {
        var client = Substitute.For<ApiframeClient>();
        var training = Substitute.For<ResourceOperation<Lora>>();
        training.Id.Returns("lora-1");
        training.WaitAsync(Arg.Any<CancellationToken>()).Returns(new Lora { Id = "lora-1", TriggerWord = "anna_tw", IsReady = true });
        client.Loras.CreateAsync(Arg.Any<LorasCreateRequest>(), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>()).Returns(training);

        var request = new LorasCreateRequest([FileUpload.FromBytes(new byte[] { 1, 2, 3 }, "a.png")], "Anna");
        Assert.Equal("anna_tw", await new LoraTrainer(client).TrainAsync(request));
        await training.Received(1).WaitAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_pageable_from_pages_feeds_every_page_to_user_code()
    {
        var client = Substitute.For<ApiframeClient>();
        client.Loras.ListAsync(Arg.Any<LorasListRequest?>(), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<Lora>.FromPages(
            [
                Page<Lora>.FromValues([new Lora { Name = "anna", IsReady = true }, new Lora { Name = "bob", IsReady = false }], "page-2"),
                Page<Lora>.FromValues([new Lora { Name = "cleo", IsReady = true }]),
            ]));

        Assert.Equal(["anna", "cleo"], await new LoraTrainer(client).ReadyNamesAsync());
    }
}
