using ProducerGen.Emulator.Http;

namespace ProducerGen.Emulator.Operations;

/// <summary>The long-running resources of an emulator, and the refunds of the failed ones. Thread-safe.</summary>
internal sealed class ResourceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, EmulatedResource> _resources = new();

    public void Add(EmulatedResource resource)
    {
        lock (_gate)
        {
            _resources[resource.Id] = resource;
        }
    }

    /// <summary>The caller's resource of <paramref name="resourceKey"/> with <paramref name="id"/>, or null.</summary>
    public EmulatedResource? Find(string apiKey, string resourceKey, Guid id)
    {
        lock (_gate)
        {
            return _resources.TryGetValue(id, out var r) && r.ApiKey == apiKey && r.Spec.Key == resourceKey ? r : null;
        }
    }

    /// <summary>The caller's resources of <paramref name="resourceKey"/>, newest first (then by id, descending).</summary>
    public List<EmulatedResource> Of(string apiKey, string resourceKey)
    {
        lock (_gate)
        {
            return _resources.Values.Where(r => r.ApiKey == apiKey && r.Spec.Key == resourceKey)
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id.ToString("D"), StringComparer.Ordinal).ToList();
        }
    }

    public void Archive(EmulatedResource resource)
    {
        lock (_gate)
        {
            resource.Archived = true;
        }
    }

    /// <summary>Gives back the cost of every resource that has failed by <paramref name="now"/>, once.</summary>
    public void SettleRefunds(DateTimeOffset now, KeyRegistry keys)
    {
        lock (_gate)
        {
            foreach (var resource in _resources.Values.Where(r => !r.Refunded && r.HasFailed(now)))
            {
                resource.Refunded = true;
                keys.Refund(resource.ApiKey, resource.CreditCost);
            }
        }
    }
}
