namespace ProducerGen.Emulator.Http;

/// <summary>The outcome of checking an API key.</summary>
internal enum KeyCheck
{
    Missing,
    Invalid,
    Inactive,
    Valid,
}

/// <summary>Known API keys, whether they are active, and their credit balances. Thread-safe.</summary>
internal sealed class KeyRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly bool _acceptAnyKey;

    public KeyRegistry(IEnumerable<EmulatorApiKey> keys, bool acceptAnyKey)
    {
        _acceptAnyKey = acceptAnyKey;
        foreach (var key in keys)
        {
            Set(key);
        }
    }

    public void Set(EmulatorApiKey key)
    {
        lock (_gate)
        {
            _accounts[key.Key] = new Account(key.IsActive, key.Credits);
        }
    }

    public KeyCheck Check(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return KeyCheck.Missing;
        }

        lock (_gate)
        {
            if (_accounts.TryGetValue(key, out var account))
            {
                return account.IsActive ? KeyCheck.Valid : KeyCheck.Inactive;
            }

            if (_acceptAnyKey && key.StartsWith("afk_", StringComparison.Ordinal) && key.Length > 4)
            {
                _accounts[key] = new Account(true, null);
                return KeyCheck.Valid;
            }
        }

        return KeyCheck.Invalid;
    }

    public long? Credits(string key)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(key, out var account) ? account.Credits : null;
        }
    }

    /// <summary>Charges <paramref name="cost"/> credits; false (with the balance) when the key cannot afford it.</summary>
    public bool TryCharge(string key, long cost, out long available)
    {
        lock (_gate)
        {
            available = 0;
            if (!_accounts.TryGetValue(key, out var account) || account.Credits is not { } credits)
            {
                return true;
            }

            available = credits;
            if (credits < cost)
            {
                return false;
            }

            account.Credits = credits - cost;
            return true;
        }
    }

    /// <summary>Gives <paramref name="amount"/> credits back (a failed job's charge); nothing for unlimited or unknown keys.</summary>
    public void Refund(string key, long amount)
    {
        lock (_gate)
        {
            if (_accounts.TryGetValue(key, out var account) && account.Credits is { } credits)
            {
                account.Credits = credits + amount;
            }
        }
    }

    private sealed class Account(bool isActive, long? credits)
    {
        public bool IsActive { get; } = isActive;

        public long? Credits { get; set; } = credits;
    }
}
