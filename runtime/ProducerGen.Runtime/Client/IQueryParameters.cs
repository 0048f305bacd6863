using System.Collections.Generic;

namespace ProducerGen;

/// <summary>
/// A request with members sent in the submit URL's query string (<c>in: query</c> in the schema, such as fal.ai's
/// <c>fal_webhook</c>). Generated requests implement it only when they have such members.
/// </summary>
public interface IQueryParameters
{
    /// <summary>Adds the query parameters that are set, as wire name and text (invariant culture); unset ones are left out.</summary>
    /// <param name="query">Receives the parameters in schema order.</param>
    void WriteQuery(ICollection<KeyValuePair<string, string>> query);
}
