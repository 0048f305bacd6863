namespace ProducerGen;

/// <summary>The names of the runtime's spans and of the tags they and the instruments carry, in one place so docs and tests match.</summary>
internal static class TelemetryNames
{
    public const string Submit = "ProducerGen.Submit";
    public const string Wait = "ProducerGen.Wait";
    public const string Poll = "ProducerGen.Poll";
    public const string Generate = "ProducerGen.Generate";
    public const string Operation = "ProducerGen.Operation";
    public const string Download = "ProducerGen.Download";

    public const string Api = "producergen.api";
    public const string Model = "producergen.model";
    public const string JobId = "producergen.job.id";
    public const string JobStatus = "producergen.job.status";
    public const string JobErrorCode = "producergen.job.error_code";
    public const string WaitPolls = "producergen.wait.polls";
    public const string WaitHeld = "producergen.wait.held";
    public const string SubmitHoldSeconds = "producergen.submit.hold_seconds";
    public const string Resource = "producergen.resource";
    public const string ResourceId = "producergen.resource.id";
    public const string ResourceStatus = "producergen.resource.status";
    public const string PollOutcome = "producergen.poll.outcome";
    public const string OperationName = "producergen.operation";
    public const string DownloadBytes = "producergen.download.bytes";
    public const string HttpStatusCode = "http.response.status_code";
    public const string ServerAddress = "server.address";
    public const string ErrorType = "error.type";
}
