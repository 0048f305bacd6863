using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;

namespace ProducerGen.Apiframe.Tests.Mocking.UserCode;

/// <summary>User code over a long-running resource and a paged list: trains a LoRA, lists the ready ones.</summary>
internal sealed class LoraTrainer(ApiframeClient client)
{
    /// <summary>The trigger word to prompt with once the training is ready.</summary>
    public async Task<string> TrainAsync(LorasCreateRequest request, CancellationToken cancellationToken = default)
    {
        var training = await client.Loras.CreateAsync(request, cancellationToken: cancellationToken);
        var lora = await training.WaitAsync(cancellationToken);
        return lora.TriggerWord ?? training.Id;
    }

    public async Task<IReadOnlyList<string>> ReadyNamesAsync(CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var lora in client.Loras.ListAsync(cancellationToken: cancellationToken))
        {
            if (lora.IsReady == true)
            {
                names.Add(lora.Name ?? lora.Id ?? "?");
            }
        }

        return names;
    }
}
