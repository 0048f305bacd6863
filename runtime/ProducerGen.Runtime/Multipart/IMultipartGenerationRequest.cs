namespace ProducerGen;

/// <summary>
/// A request body sent as <c>multipart/form-data</c>. Implemented by the generated request types of endpoints with
/// <c>encoding: multipart</c>; the client sends <see cref="WriteMultipart"/>'s parts instead of <see cref="IGenerationRequest.WriteJson"/>.
/// </summary>
public interface IMultipartGenerationRequest : IGenerationRequest
{
    /// <summary>Adds one part per set member, in schema order: the model id, the fields and the params, files as file parts.</summary>
    /// <param name="form">The form to add the parts to.</param>
    void WriteMultipart(MultipartFormBuilder form);
}
