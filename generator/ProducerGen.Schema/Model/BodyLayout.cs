namespace ProducerGen.Schema.Model;

/// <summary>Where a model's params go in the submission body (<c>endpoints.&lt;e&gt;.bodyLayout</c>).</summary>
public enum BodyLayout
{
    /// <summary>Under the model's <c>paramsKey</c> (<c>{ "prompt": …, "producerParams": { … } }</c>); the default.</summary>
    Nested,

    /// <summary>At the top level, beside the endpoint's fields (<c>{ "prompt": …, "steps": 4 }</c>).</summary>
    Flat,
}
