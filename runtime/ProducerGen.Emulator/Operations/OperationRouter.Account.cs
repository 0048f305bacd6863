namespace ProducerGen.Emulator.Operations;

/// <summary>The <c>account</c> role: the caller, their (single, emulated) team with the key's remaining credits, and the key.</summary>
internal sealed partial class OperationRouter
{
    /// <summary>The balance shown for a key with unlimited credits.</summary>
    public const long UnlimitedCredits = 1_000_000;

    private static Guid UserId(string apiKey) => FactWriter.StableId("user:" + apiKey);

    private static Guid TeamId(string apiKey) => FactWriter.StableId("team:" + apiKey);

    private Task AccountAsync(HttpContext ctx, OperationRequest request)
    {
        var key = request.ApiKey ?? string.Empty;
        var credits = _server.Credits(key) ?? UnlimitedCredits;
        var facts = new Facts
        {
            ["user"] = new Facts { ["id"] = UserId(key), ["email"] = "emulator@example.com", ["role"] = "OWNER" },
            ["team"] = new Facts { ["id"] = TeamId(key), ["name"] = "Emulator team", ["credits"] = Math.Max(0, credits), ["plan"] = "emulator", ["customerId"] = null },
            ["apiKey"] = new Facts { ["id"] = FactWriter.StableId("key:" + key), ["name"] = "Emulator key", ["prefix"] = key[..Math.Min(8, key.Length)] },
        };
        return AnswerAsync(ctx, request.Operation, SuccessStatus(request.Operation), facts);
    }
}
