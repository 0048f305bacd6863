using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ProducerGen.Runtime.Tests;

/// <summary>Operations of a LoRA-like API and requests shaped like the generated ones.</summary>
public static class Ops
{
    public static readonly OperationDescription Get = new("lorasGet", "GET", "/v2/loras/{id}");
    public static readonly OperationDescription Delete = new("lorasDelete", "DELETE", "/v2/loras/{id}");
    public static readonly OperationDescription Train = new("lorasTrain", "POST", "/v2/loras", sendsIdempotencyKey: true, successStatuses: [202]);
    public static readonly OperationDescription Rename = new("lorasRename", "POST", "/v2/loras/{id}/rename");
    public static readonly OperationDescription Catalog = new("modelsList", "GET", "/v2/models", authenticated: false);
    public static readonly OperationDescription List = new("lorasList", "GET", "/v2/loras");
    public static readonly OperationDescription Files = new("filesGet", "GET", "/v2/files/{+path}");

    public static readonly ResourceDescription Lora = new("lora", "/v2/loras/{id}", "id", "status", ["PENDING", "TRAINING"], ["READY"], ["FAILED"], "error.message");

    public static string LoraJson(string id, string status, string? error = null)
        => error is null ? $$"""{"id":"{{id}}","status":"{{status}}"}""" : $$$"""{"id":"{{{id}}}","status":"{{{status}}}","error":{"message":"{{{error}}}"}}""";

    public static string ReadId(JsonElement e) => e.GetProperty("id").GetString()!;
}

/// <summary>A list filter sent in the query string.</summary>
public sealed class FilterRequest : IGenerationRequest, IQueryParameters
{
    public string? Status { get; set; }

    public int? Limit { get; set; }

    public ValidationResult Validate()
    {
        var errors = new List<ValidationError>();
        ConstraintChecks.Range(errors, "limit", Limit, 1, 100, null);
        return errors.Count == 0 ? ValidationResult.Valid : new ValidationResult(errors);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }

    public void WriteQuery(ICollection<KeyValuePair<string, string>> query)
    {
        if (Status is not null)
        {
            query.Add(new("status", Status));
        }
    }
}

/// <summary>A training request with files, sent as multipart.</summary>
public sealed class UploadRequest : IMultipartGenerationRequest
{
    public List<FileUpload> Images { get; } = [];

    public FileUpload? Cover { get; set; }

    public FileLimits? EachImage { get; set; }

    public long? MaxTotal { get; set; }

    public FileLimits? CoverLimits { get; set; }

    public ValidationResult Validate() => ValidationResult.Valid;

    public void WriteJson(Utf8JsonWriter writer) => throw new InvalidOperationException("multipart only");

    public void WriteMultipart(MultipartFormBuilder form)
    {
        form.AddText("name", "my-lora");
        if (Cover is not null)
        {
            form.AddFile("cover", Cover, CoverLimits);
        }

        if (Images.Count > 0)
        {
            form.AddFiles("images", Images, EachImage, MaxTotal);
        }
    }
}
